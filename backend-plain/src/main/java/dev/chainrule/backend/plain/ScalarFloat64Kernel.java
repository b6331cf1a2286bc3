package dev.chainrule.backend.plain;

import java.util.Arrays;

/**
 * The portable {@link Float64Kernel}: a 4 x 8 tile held in 32 scalar accumulators, so that each loaded element
 * of A is used 8 times and each of B 4 times. It needs nothing but the JIT's scalar code. Every element is the
 * chain of fused multiply-adds that {@link Float64Kernel} defines, bit for bit the vector kernel's.
 */
final class ScalarFloat64Kernel implements Float64Kernel {

    private static final int ROWS = 4;
    private static final int COLUMNS = 8;

    @Override
    public String description() {
        return "scalar";
    }

    @Override
    public int rows() {
        return ROWS;
    }

    @Override
    public int columns() {
        return COLUMNS;
    }

    @Override
    public void tile(int depth, double[] a, int aOffset, double[] b, int bOffset, int bStep, double[] c, int cOffset,
            int cStep, boolean accumulate) {
        int r0 = cOffset;
        double c00 = start(c, r0, accumulate); double c01 = start(c, r0 + 1, accumulate);
        double c02 = start(c, r0 + 2, accumulate); double c03 = start(c, r0 + 3, accumulate);
        double c04 = start(c, r0 + 4, accumulate); double c05 = start(c, r0 + 5, accumulate);
        double c06 = start(c, r0 + 6, accumulate); double c07 = start(c, r0 + 7, accumulate);
        int r1 = cOffset + cStep;
        double c10 = start(c, r1, accumulate); double c11 = start(c, r1 + 1, accumulate);
        double c12 = start(c, r1 + 2, accumulate); double c13 = start(c, r1 + 3, accumulate);
        double c14 = start(c, r1 + 4, accumulate); double c15 = start(c, r1 + 5, accumulate);
        double c16 = start(c, r1 + 6, accumulate); double c17 = start(c, r1 + 7, accumulate);
        int r2 = cOffset + 2 * cStep;
        double c20 = start(c, r2, accumulate); double c21 = start(c, r2 + 1, accumulate);
        double c22 = start(c, r2 + 2, accumulate); double c23 = start(c, r2 + 3, accumulate);
        double c24 = start(c, r2 + 4, accumulate); double c25 = start(c, r2 + 5, accumulate);
        double c26 = start(c, r2 + 6, accumulate); double c27 = start(c, r2 + 7, accumulate);
        int r3 = cOffset + 3 * cStep;
        double c30 = start(c, r3, accumulate); double c31 = start(c, r3 + 1, accumulate);
        double c32 = start(c, r3 + 2, accumulate); double c33 = start(c, r3 + 3, accumulate);
        double c34 = start(c, r3 + 4, accumulate); double c35 = start(c, r3 + 5, accumulate);
        double c36 = start(c, r3 + 6, accumulate); double c37 = start(c, r3 + 7, accumulate);
        int ak = aOffset;
        int bk = bOffset;
        for (int k = 0; k < depth; k++, ak += ROWS, bk += bStep) {
            double b0 = b[bk]; double b1 = b[bk + 1]; double b2 = b[bk + 2]; double b3 = b[bk + 3];
            double b4 = b[bk + 4]; double b5 = b[bk + 5]; double b6 = b[bk + 6]; double b7 = b[bk + 7];
            double a0 = a[ak];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02);
            c03 = Math.fma(a0, b3, c03); c04 = Math.fma(a0, b4, c04); c05 = Math.fma(a0, b5, c05);
            c06 = Math.fma(a0, b6, c06); c07 = Math.fma(a0, b7, c07);
            double a1 = a[ak + 1];
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12);
            c13 = Math.fma(a1, b3, c13); c14 = Math.fma(a1, b4, c14); c15 = Math.fma(a1, b5, c15);
            c16 = Math.fma(a1, b6, c16); c17 = Math.fma(a1, b7, c17);
            double a2 = a[ak + 2];
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22);
            c23 = Math.fma(a2, b3, c23); c24 = Math.fma(a2, b4, c24); c25 = Math.fma(a2, b5, c25);
            c26 = Math.fma(a2, b6, c26); c27 = Math.fma(a2, b7, c27);
            double a3 = a[ak + 3];
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32);
            c33 = Math.fma(a3, b3, c33); c34 = Math.fma(a3, b4, c34); c35 = Math.fma(a3, b5, c35);
            c36 = Math.fma(a3, b6, c36); c37 = Math.fma(a3, b7, c37);
        }
        put(c, r0, c00, c01, c02, c03, c04, c05, c06, c07);
        put(c, r1, c10, c11, c12, c13, c14, c15, c16, c17);
        put(c, r2, c20, c21, c22, c23, c24, c25, c26, c27);
        put(c, r3, c30, c31, c32, c33, c34, c35, c36, c37);
    }

    /** Where an element's chain starts: the element of C when accumulating, else zero. */
    private static double start(double[] c, int at, boolean accumulate) {
        return accumulate ? c[at] : 0;
    }

    private static void put(double[] c, int at, double v0, double v1, double v2, double v3, double v4, double v5,
            double v6, double v7) {
        c[at] = v0; c[at + 1] = v1; c[at + 2] = v2; c[at + 3] = v3;
        c[at + 4] = v4; c[at + 5] = v5; c[at + 6] = v6; c[at + 7] = v7;
    }

    /**
     * Four rows of B per pass, so that each element of C is loaded and stored a quarter as often; the four fused
     * multiply-adds are nested in the order of k, so each element is still one chain.
     */
    @Override
    public void row(int depth, int width, double[] a, int aOffset, int aStep, double[] b, int bOffset, int bStep,
            double[] c, int cOffset, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, cOffset, cOffset + width, 0);
        }
        int k = 0;
        for (; k + 4 <= depth; k += 4) {
            double a0 = a[aOffset + k * aStep];
            double a1 = a[aOffset + (k + 1) * aStep];
            double a2 = a[aOffset + (k + 2) * aStep];
            double a3 = a[aOffset + (k + 3) * aStep];
            int b0 = bOffset + k * bStep;
            int b1 = b0 + bStep;
            int b2 = b1 + bStep;
            int b3 = b2 + bStep;
            for (int j = 0; j < width; j++) {
                c[cOffset + j] = Math.fma(a3, b[b3 + j], Math.fma(a2, b[b2 + j],
                        Math.fma(a1, b[b1 + j], Math.fma(a0, b[b0 + j], c[cOffset + j]))));
            }
        }
        for (; k < depth; k++) {
            double ak = a[aOffset + k * aStep];
            int bk = bOffset + k * bStep;
            for (int j = 0; j < width; j++) {
                c[cOffset + j] = Math.fma(ak, b[bk + j], c[cOffset + j]);
            }
        }
    }
}

package dev.chainrule.backend.plain;

import java.util.Arrays;

/**
 * The portable {@link Float64Kernel}: a 4 x 8 tile held in 32 scalar accumulators, so that each loaded element
 * of A is used 8 times and each of B 4 times. It needs nothing but the JIT's scalar code.
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
        double c00 = 0; double c01 = 0; double c02 = 0; double c03 = 0;
        double c04 = 0; double c05 = 0; double c06 = 0; double c07 = 0;
        double c10 = 0; double c11 = 0; double c12 = 0; double c13 = 0;
        double c14 = 0; double c15 = 0; double c16 = 0; double c17 = 0;
        double c20 = 0; double c21 = 0; double c22 = 0; double c23 = 0;
        double c24 = 0; double c25 = 0; double c26 = 0; double c27 = 0;
        double c30 = 0; double c31 = 0; double c32 = 0; double c33 = 0;
        double c34 = 0; double c35 = 0; double c36 = 0; double c37 = 0;
        int ak = aOffset;
        int bk = bOffset;
        for (int k = 0; k < depth; k++, ak += ROWS, bk += bStep) {
            double b0 = b[bk]; double b1 = b[bk + 1]; double b2 = b[bk + 2]; double b3 = b[bk + 3];
            double b4 = b[bk + 4]; double b5 = b[bk + 5]; double b6 = b[bk + 6]; double b7 = b[bk + 7];
            double a0 = a[ak];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
            double a1 = a[ak + 1];
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
            double a2 = a[ak + 2];
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
            double a3 = a[ak + 3];
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
        }
        put(c, cOffset, accumulate, c00, c01, c02, c03, c04, c05, c06, c07);
        put(c, cOffset + cStep, accumulate, c10, c11, c12, c13, c14, c15, c16, c17);
        put(c, cOffset + 2 * cStep, accumulate, c20, c21, c22, c23, c24, c25, c26, c27);
        put(c, cOffset + 3 * cStep, accumulate, c30, c31, c32, c33, c34, c35, c36, c37);
    }

    private static void put(double[] c, int at, boolean accumulate, double v0, double v1, double v2, double v3,
            double v4, double v5, double v6, double v7) {
        if (accumulate) {
            c[at] += v0; c[at + 1] += v1; c[at + 2] += v2; c[at + 3] += v3;
            c[at + 4] += v4; c[at + 5] += v5; c[at + 6] += v6; c[at + 7] += v7;
        } else {
            c[at] = v0; c[at + 1] = v1; c[at + 2] = v2; c[at + 3] = v3;
            c[at + 4] = v4; c[at + 5] = v5; c[at + 6] = v6; c[at + 7] = v7;
        }
    }

    /** Four rows of B per pass, so that each element of C is loaded and stored a quarter as often. */
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
                c[cOffset + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (; k < depth; k++) {
            double ak = a[aOffset + k * aStep];
            int bk = bOffset + k * bStep;
            for (int j = 0; j < width; j++) {
                c[cOffset + j] += ak * b[bk + j];
            }
        }
    }
}

package dev.chainrule.backend.plain;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link Float32Kernel} on the Vector API ({@code jdk.incubator.vector}): a 12 x (2 vectors) tile held in 24
 * vector accumulators, each step a broadcast of one element of A times two vectors of B (a fused multiply-add).
 * With 512-bit vectors the tile is 12 x 32. Only {@link VectorKernels} refers to this class, so the backend
 * loads without the incubator module.
 */
final class VectorFloat32Kernel implements Float32Kernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int ROWS = 12;

    @Override
    public String description() {
        return "vector, " + LANES + " lanes";
    }

    @Override
    public int rows() {
        return ROWS;
    }

    @Override
    public int columns() {
        return 2 * LANES;
    }

    @Override
    public void tile(int depth, float[] a, int aOffset, float[] b, int bOffset, int bStep, float[] c, int cOffset,
            int cStep, boolean accumulate) {
        // Accumulating starts from C's values; helpers taking vectors are avoided, the JIT would not inline them all.
        int r0 = cOffset;
        FloatVector c00 = accumulate ? FloatVector.fromArray(SPECIES, c, r0) : FloatVector.zero(SPECIES);
        FloatVector c01 = accumulate ? FloatVector.fromArray(SPECIES, c, r0 + LANES) : FloatVector.zero(SPECIES);
        int r1 = cOffset + cStep;
        FloatVector c10 = accumulate ? FloatVector.fromArray(SPECIES, c, r1) : FloatVector.zero(SPECIES);
        FloatVector c11 = accumulate ? FloatVector.fromArray(SPECIES, c, r1 + LANES) : FloatVector.zero(SPECIES);
        int r2 = cOffset + 2 * cStep;
        FloatVector c20 = accumulate ? FloatVector.fromArray(SPECIES, c, r2) : FloatVector.zero(SPECIES);
        FloatVector c21 = accumulate ? FloatVector.fromArray(SPECIES, c, r2 + LANES) : FloatVector.zero(SPECIES);
        int r3 = cOffset + 3 * cStep;
        FloatVector c30 = accumulate ? FloatVector.fromArray(SPECIES, c, r3) : FloatVector.zero(SPECIES);
        FloatVector c31 = accumulate ? FloatVector.fromArray(SPECIES, c, r3 + LANES) : FloatVector.zero(SPECIES);
        int r4 = cOffset + 4 * cStep;
        FloatVector c40 = accumulate ? FloatVector.fromArray(SPECIES, c, r4) : FloatVector.zero(SPECIES);
        FloatVector c41 = accumulate ? FloatVector.fromArray(SPECIES, c, r4 + LANES) : FloatVector.zero(SPECIES);
        int r5 = cOffset + 5 * cStep;
        FloatVector c50 = accumulate ? FloatVector.fromArray(SPECIES, c, r5) : FloatVector.zero(SPECIES);
        FloatVector c51 = accumulate ? FloatVector.fromArray(SPECIES, c, r5 + LANES) : FloatVector.zero(SPECIES);
        int r6 = cOffset + 6 * cStep;
        FloatVector c60 = accumulate ? FloatVector.fromArray(SPECIES, c, r6) : FloatVector.zero(SPECIES);
        FloatVector c61 = accumulate ? FloatVector.fromArray(SPECIES, c, r6 + LANES) : FloatVector.zero(SPECIES);
        int r7 = cOffset + 7 * cStep;
        FloatVector c70 = accumulate ? FloatVector.fromArray(SPECIES, c, r7) : FloatVector.zero(SPECIES);
        FloatVector c71 = accumulate ? FloatVector.fromArray(SPECIES, c, r7 + LANES) : FloatVector.zero(SPECIES);
        int r8 = cOffset + 8 * cStep;
        FloatVector c80 = accumulate ? FloatVector.fromArray(SPECIES, c, r8) : FloatVector.zero(SPECIES);
        FloatVector c81 = accumulate ? FloatVector.fromArray(SPECIES, c, r8 + LANES) : FloatVector.zero(SPECIES);
        int r9 = cOffset + 9 * cStep;
        FloatVector c90 = accumulate ? FloatVector.fromArray(SPECIES, c, r9) : FloatVector.zero(SPECIES);
        FloatVector c91 = accumulate ? FloatVector.fromArray(SPECIES, c, r9 + LANES) : FloatVector.zero(SPECIES);
        int r10 = cOffset + 10 * cStep;
        FloatVector c100 = accumulate ? FloatVector.fromArray(SPECIES, c, r10) : FloatVector.zero(SPECIES);
        FloatVector c101 = accumulate ? FloatVector.fromArray(SPECIES, c, r10 + LANES) : FloatVector.zero(SPECIES);
        int r11 = cOffset + 11 * cStep;
        FloatVector c110 = accumulate ? FloatVector.fromArray(SPECIES, c, r11) : FloatVector.zero(SPECIES);
        FloatVector c111 = accumulate ? FloatVector.fromArray(SPECIES, c, r11 + LANES) : FloatVector.zero(SPECIES);
        int ak = aOffset;
        int bk = bOffset;
        for (int k = 0; k < depth; k++, ak += ROWS, bk += bStep) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bk);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bk + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ak]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ak + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ak + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ak + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[ak + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[ak + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(SPECIES, a[ak + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(SPECIES, a[ak + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            FloatVector a8 = FloatVector.broadcast(SPECIES, a[ak + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            FloatVector a9 = FloatVector.broadcast(SPECIES, a[ak + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            FloatVector a10 = FloatVector.broadcast(SPECIES, a[ak + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            FloatVector a11 = FloatVector.broadcast(SPECIES, a[ak + 11]);
            c110 = a11.fma(b0, c110);
            c111 = a11.fma(b1, c111);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + LANES);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + LANES);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + LANES);
        c80.intoArray(c, r8);
        c81.intoArray(c, r8 + LANES);
        c90.intoArray(c, r9);
        c91.intoArray(c, r9 + LANES);
        c100.intoArray(c, r10);
        c101.intoArray(c, r10 + LANES);
        c110.intoArray(c, r11);
        c111.intoArray(c, r11 + LANES);
    }

    /**
     * Eight vectors of C stay in registers for the whole depth, so that B is read in long contiguous runs; the last
     * columns are done a vector, then an element, at a time.
     */
    @Override
    public void row(int depth, int width, float[] a, int aOffset, int aStep, float[] b, int bOffset, int bStep,
            float[] c, int cOffset, boolean accumulate) {
        int j = 0;
        for (; j + 8 * LANES <= width; j += 8 * LANES) {
            int at = cOffset + j;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            FloatVector s2 = FloatVector.zero(SPECIES);
            FloatVector s3 = FloatVector.zero(SPECIES);
            FloatVector s4 = FloatVector.zero(SPECIES);
            FloatVector s5 = FloatVector.zero(SPECIES);
            FloatVector s6 = FloatVector.zero(SPECIES);
            FloatVector s7 = FloatVector.zero(SPECIES);
            if (accumulate) {
                s0 = FloatVector.fromArray(SPECIES, c, at);
                s1 = FloatVector.fromArray(SPECIES, c, at + LANES);
                s2 = FloatVector.fromArray(SPECIES, c, at + 2 * LANES);
                s3 = FloatVector.fromArray(SPECIES, c, at + 3 * LANES);
                s4 = FloatVector.fromArray(SPECIES, c, at + 4 * LANES);
                s5 = FloatVector.fromArray(SPECIES, c, at + 5 * LANES);
                s6 = FloatVector.fromArray(SPECIES, c, at + 6 * LANES);
                s7 = FloatVector.fromArray(SPECIES, c, at + 7 * LANES);
            }
            for (int k = 0, bk = bOffset + j; k < depth; k++, bk += bStep) {
                FloatVector ak = FloatVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s0 = ak.fma(FloatVector.fromArray(SPECIES, b, bk), s0);
                s1 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + LANES), s1);
                s2 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 2 * LANES), s2);
                s3 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 3 * LANES), s3);
                s4 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 4 * LANES), s4);
                s5 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 5 * LANES), s5);
                s6 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 6 * LANES), s6);
                s7 = ak.fma(FloatVector.fromArray(SPECIES, b, bk + 7 * LANES), s7);
            }
            s0.intoArray(c, at);
            s1.intoArray(c, at + LANES);
            s2.intoArray(c, at + 2 * LANES);
            s3.intoArray(c, at + 3 * LANES);
            s4.intoArray(c, at + 4 * LANES);
            s5.intoArray(c, at + 5 * LANES);
            s6.intoArray(c, at + 6 * LANES);
            s7.intoArray(c, at + 7 * LANES);
        }
        for (; j + LANES <= width; j += LANES) {
            FloatVector s = accumulate ? FloatVector.fromArray(SPECIES, c, cOffset + j) : FloatVector.zero(SPECIES);
            for (int k = 0, bk = bOffset + j; k < depth; k++, bk += bStep) {
                FloatVector ak = FloatVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s = ak.fma(FloatVector.fromArray(SPECIES, b, bk), s);
            }
            s.intoArray(c, cOffset + j);
        }
        for (; j < width; j++) {
            float s = 0;
            for (int k = 0; k < depth; k++) {
                s += a[aOffset + k * aStep] * b[bOffset + k * bStep + j];
            }
            c[cOffset + j] = accumulate ? c[cOffset + j] + s : s;
        }
    }
}

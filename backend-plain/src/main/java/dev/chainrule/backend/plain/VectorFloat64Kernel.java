package dev.chainrule.backend.plain;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link Float64Kernel} on the Vector API ({@code jdk.incubator.vector}): a 12 x (2 vectors) tile held in 24
 * vector accumulators, each step a broadcast of one element of A times two vectors of B (a fused multiply-add).
 * With 512-bit vectors the tile is 12 x 16 doubles or 12 x 32 floats. Only {@link VectorKernels} refers to this
 * class, so the backend loads without the incubator module.
 */
final class VectorFloat64Kernel implements Float64Kernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
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
    public void tile(int depth, double[] a, int aOffset, double[] b, int bOffset, int bStep, double[] c, int cOffset,
            int cStep, boolean accumulate) {
        // Accumulating starts from C's values; helpers taking vectors are avoided, the JIT would not inline them all.
        int r0 = cOffset;
        DoubleVector c00 = accumulate ? DoubleVector.fromArray(SPECIES, c, r0) : DoubleVector.zero(SPECIES);
        DoubleVector c01 = accumulate ? DoubleVector.fromArray(SPECIES, c, r0 + LANES) : DoubleVector.zero(SPECIES);
        int r1 = cOffset + cStep;
        DoubleVector c10 = accumulate ? DoubleVector.fromArray(SPECIES, c, r1) : DoubleVector.zero(SPECIES);
        DoubleVector c11 = accumulate ? DoubleVector.fromArray(SPECIES, c, r1 + LANES) : DoubleVector.zero(SPECIES);
        int r2 = cOffset + 2 * cStep;
        DoubleVector c20 = accumulate ? DoubleVector.fromArray(SPECIES, c, r2) : DoubleVector.zero(SPECIES);
        DoubleVector c21 = accumulate ? DoubleVector.fromArray(SPECIES, c, r2 + LANES) : DoubleVector.zero(SPECIES);
        int r3 = cOffset + 3 * cStep;
        DoubleVector c30 = accumulate ? DoubleVector.fromArray(SPECIES, c, r3) : DoubleVector.zero(SPECIES);
        DoubleVector c31 = accumulate ? DoubleVector.fromArray(SPECIES, c, r3 + LANES) : DoubleVector.zero(SPECIES);
        int r4 = cOffset + 4 * cStep;
        DoubleVector c40 = accumulate ? DoubleVector.fromArray(SPECIES, c, r4) : DoubleVector.zero(SPECIES);
        DoubleVector c41 = accumulate ? DoubleVector.fromArray(SPECIES, c, r4 + LANES) : DoubleVector.zero(SPECIES);
        int r5 = cOffset + 5 * cStep;
        DoubleVector c50 = accumulate ? DoubleVector.fromArray(SPECIES, c, r5) : DoubleVector.zero(SPECIES);
        DoubleVector c51 = accumulate ? DoubleVector.fromArray(SPECIES, c, r5 + LANES) : DoubleVector.zero(SPECIES);
        int r6 = cOffset + 6 * cStep;
        DoubleVector c60 = accumulate ? DoubleVector.fromArray(SPECIES, c, r6) : DoubleVector.zero(SPECIES);
        DoubleVector c61 = accumulate ? DoubleVector.fromArray(SPECIES, c, r6 + LANES) : DoubleVector.zero(SPECIES);
        int r7 = cOffset + 7 * cStep;
        DoubleVector c70 = accumulate ? DoubleVector.fromArray(SPECIES, c, r7) : DoubleVector.zero(SPECIES);
        DoubleVector c71 = accumulate ? DoubleVector.fromArray(SPECIES, c, r7 + LANES) : DoubleVector.zero(SPECIES);
        int r8 = cOffset + 8 * cStep;
        DoubleVector c80 = accumulate ? DoubleVector.fromArray(SPECIES, c, r8) : DoubleVector.zero(SPECIES);
        DoubleVector c81 = accumulate ? DoubleVector.fromArray(SPECIES, c, r8 + LANES) : DoubleVector.zero(SPECIES);
        int r9 = cOffset + 9 * cStep;
        DoubleVector c90 = accumulate ? DoubleVector.fromArray(SPECIES, c, r9) : DoubleVector.zero(SPECIES);
        DoubleVector c91 = accumulate ? DoubleVector.fromArray(SPECIES, c, r9 + LANES) : DoubleVector.zero(SPECIES);
        int r10 = cOffset + 10 * cStep;
        DoubleVector c100 = accumulate ? DoubleVector.fromArray(SPECIES, c, r10) : DoubleVector.zero(SPECIES);
        DoubleVector c101 = accumulate ? DoubleVector.fromArray(SPECIES, c, r10 + LANES) : DoubleVector.zero(SPECIES);
        int r11 = cOffset + 11 * cStep;
        DoubleVector c110 = accumulate ? DoubleVector.fromArray(SPECIES, c, r11) : DoubleVector.zero(SPECIES);
        DoubleVector c111 = accumulate ? DoubleVector.fromArray(SPECIES, c, r11 + LANES) : DoubleVector.zero(SPECIES);
        int ak = aOffset;
        int bk = bOffset;
        for (int k = 0; k < depth; k++, ak += ROWS, bk += bStep) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bk + LANES);
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, a[ak]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, a[ak + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES, a[ak + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES, a[ak + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(SPECIES, a[ak + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(SPECIES, a[ak + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(SPECIES, a[ak + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(SPECIES, a[ak + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            DoubleVector a8 = DoubleVector.broadcast(SPECIES, a[ak + 8]);
            c80 = a8.fma(b0, c80);
            c81 = a8.fma(b1, c81);
            DoubleVector a9 = DoubleVector.broadcast(SPECIES, a[ak + 9]);
            c90 = a9.fma(b0, c90);
            c91 = a9.fma(b1, c91);
            DoubleVector a10 = DoubleVector.broadcast(SPECIES, a[ak + 10]);
            c100 = a10.fma(b0, c100);
            c101 = a10.fma(b1, c101);
            DoubleVector a11 = DoubleVector.broadcast(SPECIES, a[ak + 11]);
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
     * Sixteen vectors of C (then eight) stay in registers for the whole depth, so that B is read in long contiguous
     * runs: the sixteen cover a 256-wide FLOAT32 layer in one pass over its weights, which cut the seed network's
     * batch-1 CPU time per call by about 13% against eight alone. The last columns are done a vector, then an element,
     * at a time. Each column's sum is the same chain of fused multiply-adds whichever loop computes it, the last
     * element-by-element loop included.
     */
    @Override
    public void row(int depth, int width, double[] a, int aOffset, int aStep, double[] b, int bOffset, int bStep,
            double[] c, int cOffset, boolean accumulate) {
        // One method per block size: as one method the row loop was too large for C1 (tier 3), and a method
        // stuck at tier 2 never reaches C2, leaving every vector a heap object.
        int j = sixteenVectors(depth, width, a, aOffset, aStep, b, bOffset, bStep, c, cOffset, accumulate, 0);
        j = eightVectors(depth, width, a, aOffset, aStep, b, bOffset, bStep, c, cOffset, accumulate, j);
        j = fourVectors(depth, width, a, aOffset, aStep, b, bOffset, bStep, c, cOffset, accumulate, j);
        j = oneVector(depth, width, a, aOffset, aStep, b, bOffset, bStep, c, cOffset, accumulate, j);
        oneColumn(depth, width, a, aOffset, aStep, b, bOffset, bStep, c, cOffset, accumulate, j);
    }

    /** Columns from {@code from} in blocks of 16 vectors, 16 accumulators. Returns the next column. */
    private static int sixteenVectors(int depth, int width, double[] a, int aOffset, int aStep, double[] b,
            int bOffset, int bStep, double[] c, int cOffset, boolean accumulate, int from) {
        int j = from;
        for (; j + 16 * LANES <= width; j += 16 * LANES) {
            int at = cOffset + j;
            DoubleVector s0 = accumulate ? DoubleVector.fromArray(SPECIES, c, at) : DoubleVector.zero(SPECIES);
            DoubleVector s1 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + LANES) : DoubleVector.zero(SPECIES);
            DoubleVector s2 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 2 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s3 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 3 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s4 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 4 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s5 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 5 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s6 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 6 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s7 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 7 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s8 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 8 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s9 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 9 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s10 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 10 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s11 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 11 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s12 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 12 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s13 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 13 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s14 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 14 * LANES)
                    : DoubleVector.zero(SPECIES);
            DoubleVector s15 = accumulate ? DoubleVector.fromArray(SPECIES, c, at + 15 * LANES)
                    : DoubleVector.zero(SPECIES);
            int k = 0;
            int bk = bOffset + j;
            // Two rows of B an iteration: twice the loads in flight; each sum is still the same chain over k. The
            // odd last row repeats the body, since a helper taking vectors would not always be inlined.
            for (; k + 1 < depth; k += 2, bk += 2 * bStep) {
                DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s0 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk), s0);
                s1 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + LANES), s1);
                s2 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES), s2);
                s3 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES), s3);
                s4 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 4 * LANES), s4);
                s5 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 5 * LANES), s5);
                s6 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 6 * LANES), s6);
                s7 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 7 * LANES), s7);
                s8 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 8 * LANES), s8);
                s9 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 9 * LANES), s9);
                s10 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 10 * LANES), s10);
                s11 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 11 * LANES), s11);
                s12 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 12 * LANES), s12);
                s13 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 13 * LANES), s13);
                s14 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 14 * LANES), s14);
                s15 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 15 * LANES), s15);
                int bk1 = bk + bStep;
                ak = DoubleVector.broadcast(SPECIES, a[aOffset + (k + 1) * aStep]);
                s0 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1), s0);
                s1 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + LANES), s1);
                s2 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 2 * LANES), s2);
                s3 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 3 * LANES), s3);
                s4 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 4 * LANES), s4);
                s5 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 5 * LANES), s5);
                s6 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 6 * LANES), s6);
                s7 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 7 * LANES), s7);
                s8 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 8 * LANES), s8);
                s9 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 9 * LANES), s9);
                s10 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 10 * LANES), s10);
                s11 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 11 * LANES), s11);
                s12 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 12 * LANES), s12);
                s13 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 13 * LANES), s13);
                s14 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 14 * LANES), s14);
                s15 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk1 + 15 * LANES), s15);
            }
            for (; k < depth; k++, bk += bStep) {
                DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s0 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk), s0);
                s1 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + LANES), s1);
                s2 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES), s2);
                s3 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES), s3);
                s4 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 4 * LANES), s4);
                s5 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 5 * LANES), s5);
                s6 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 6 * LANES), s6);
                s7 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 7 * LANES), s7);
                s8 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 8 * LANES), s8);
                s9 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 9 * LANES), s9);
                s10 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 10 * LANES), s10);
                s11 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 11 * LANES), s11);
                s12 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 12 * LANES), s12);
                s13 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 13 * LANES), s13);
                s14 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 14 * LANES), s14);
                s15 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 15 * LANES), s15);
            }
            s0.intoArray(c, at);
            s1.intoArray(c, at + LANES);
            s2.intoArray(c, at + 2 * LANES);
            s3.intoArray(c, at + 3 * LANES);
            s4.intoArray(c, at + 4 * LANES);
            s5.intoArray(c, at + 5 * LANES);
            s6.intoArray(c, at + 6 * LANES);
            s7.intoArray(c, at + 7 * LANES);
            s8.intoArray(c, at + 8 * LANES);
            s9.intoArray(c, at + 9 * LANES);
            s10.intoArray(c, at + 10 * LANES);
            s11.intoArray(c, at + 11 * LANES);
            s12.intoArray(c, at + 12 * LANES);
            s13.intoArray(c, at + 13 * LANES);
            s14.intoArray(c, at + 14 * LANES);
            s15.intoArray(c, at + 15 * LANES);
        }
        return j;
    }

    /** Columns from {@code from} in blocks of 8 vectors. Returns the next column. */
    private static int eightVectors(int depth, int width, double[] a, int aOffset, int aStep, double[] b,
            int bOffset, int bStep, double[] c, int cOffset, boolean accumulate, int from) {
        int j = from;
        for (; j + 8 * LANES <= width; j += 8 * LANES) {
            int at = cOffset + j;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = DoubleVector.zero(SPECIES);
            DoubleVector s2 = DoubleVector.zero(SPECIES);
            DoubleVector s3 = DoubleVector.zero(SPECIES);
            DoubleVector s4 = DoubleVector.zero(SPECIES);
            DoubleVector s5 = DoubleVector.zero(SPECIES);
            DoubleVector s6 = DoubleVector.zero(SPECIES);
            DoubleVector s7 = DoubleVector.zero(SPECIES);
            if (accumulate) {
                s0 = DoubleVector.fromArray(SPECIES, c, at);
                s1 = DoubleVector.fromArray(SPECIES, c, at + LANES);
                s2 = DoubleVector.fromArray(SPECIES, c, at + 2 * LANES);
                s3 = DoubleVector.fromArray(SPECIES, c, at + 3 * LANES);
                s4 = DoubleVector.fromArray(SPECIES, c, at + 4 * LANES);
                s5 = DoubleVector.fromArray(SPECIES, c, at + 5 * LANES);
                s6 = DoubleVector.fromArray(SPECIES, c, at + 6 * LANES);
                s7 = DoubleVector.fromArray(SPECIES, c, at + 7 * LANES);
            }
            for (int k = 0, bk = bOffset + j; k < depth; k++, bk += bStep) {
                DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s0 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk), s0);
                s1 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + LANES), s1);
                s2 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES), s2);
                s3 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES), s3);
                s4 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 4 * LANES), s4);
                s5 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 5 * LANES), s5);
                s6 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 6 * LANES), s6);
                s7 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 7 * LANES), s7);
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
        return j;
    }

    /**
     * Columns from {@code from} in blocks of 4 vectors: four chains in flight, where one vector at a time waits out the
     * latency of every multiply-add (a 64-wide FLOAT32 layer took as long as a layer twice its size).
     * Returns the next column.
     */
    private static int fourVectors(int depth, int width, double[] a, int aOffset, int aStep, double[] b,
            int bOffset, int bStep, double[] c, int cOffset, boolean accumulate, int from) {
        int j = from;
        for (; j + 4 * LANES <= width; j += 4 * LANES) {
            int at = cOffset + j;
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = DoubleVector.zero(SPECIES);
            DoubleVector s2 = DoubleVector.zero(SPECIES);
            DoubleVector s3 = DoubleVector.zero(SPECIES);
            if (accumulate) {
                s0 = DoubleVector.fromArray(SPECIES, c, at);
                s1 = DoubleVector.fromArray(SPECIES, c, at + LANES);
                s2 = DoubleVector.fromArray(SPECIES, c, at + 2 * LANES);
                s3 = DoubleVector.fromArray(SPECIES, c, at + 3 * LANES);
            }
            for (int k = 0, bk = bOffset + j; k < depth; k++, bk += bStep) {
                DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s0 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk), s0);
                s1 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + LANES), s1);
                s2 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 2 * LANES), s2);
                s3 = ak.fma(DoubleVector.fromArray(SPECIES, b, bk + 3 * LANES), s3);
            }
            s0.intoArray(c, at);
            s1.intoArray(c, at + LANES);
            s2.intoArray(c, at + 2 * LANES);
            s3.intoArray(c, at + 3 * LANES);
        }
        return j;
    }

    /** Columns from {@code from} one vector at a time. Returns the next column. */
    private static int oneVector(int depth, int width, double[] a, int aOffset, int aStep, double[] b,
            int bOffset, int bStep, double[] c, int cOffset, boolean accumulate, int from) {
        int j = from;
        for (; j + LANES <= width; j += LANES) {
            DoubleVector s = accumulate ? DoubleVector.fromArray(SPECIES, c, cOffset + j) : DoubleVector.zero(SPECIES);
            for (int k = 0, bk = bOffset + j; k < depth; k++, bk += bStep) {
                DoubleVector ak = DoubleVector.broadcast(SPECIES, a[aOffset + k * aStep]);
                s = ak.fma(DoubleVector.fromArray(SPECIES, b, bk), s);
            }
            s.intoArray(c, cOffset + j);
        }
        return j;
    }

    /** Columns from {@code from} one at a time, each the same chain of fused multiply-adds. Returns the next column. */
    private static int oneColumn(int depth, int width, double[] a, int aOffset, int aStep, double[] b,
            int bOffset, int bStep, double[] c, int cOffset, boolean accumulate, int from) {
        int j = from;
        for (; j < width; j++) {
            double s = accumulate ? c[cOffset + j] : 0;
            for (int k = 0; k < depth; k++) {
                s = Math.fma(a[aOffset + k * aStep], b[bOffset + k * bStep + j], s);
            }
            c[cOffset + j] = s;
        }
        return j;
    }
}

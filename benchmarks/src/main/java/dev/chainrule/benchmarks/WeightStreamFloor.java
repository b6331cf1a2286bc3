package dev.chainrule.benchmarks;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The least time in which one core can read a network's FLOAT32 weights once: a vector sum with four independent
 * accumulators over an array of as many floats, repeated as a batch-1 prediction repeats, so that the array sits in
 * the caches exactly as the weights would. A batch-1 prediction multiplies every weight once, so no single-threaded
 * prediction can beat this on the same machine; it says how far a latency target lies from the memory system.
 */
final class WeightStreamFloor {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int WARM_CALLS = 20_000;

    /** Where the sums go, so that the JIT cannot drop them. */
    private static volatile float sink;

    private WeightStreamFloor() {
    }

    /** The median time in microseconds of {@code calls} single reads of {@code floats} numbers, after a warm-up. */
    static double medianMicros(long floats, int calls) {
        if (floats < 1 || floats > Integer.MAX_VALUE - 4L * SPECIES.length()) {
            throw new IllegalArgumentException("cannot stream " + floats + " floats");
        }
        int lanes = 4 * SPECIES.length();
        float[] weights = new float[(int) ((floats + lanes - 1) / lanes * lanes)];
        Arrays.fill(weights, 0, (int) floats, 1e-3f);
        for (int i = 0; i < WARM_CALLS; i++) {
            sink = sum(weights);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            sink = sum(weights);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[calls / 2] / 1e3;
    }

    private static float sum(float[] values) {
        int lanes = SPECIES.length();
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        for (int i = 0; i < values.length; i += 4 * lanes) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, values, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, values, i + lanes));
            s2 = s2.add(FloatVector.fromArray(SPECIES, values, i + 2 * lanes));
            s3 = s3.add(FloatVector.fromArray(SPECIES, values, i + 3 * lanes));
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    }
}

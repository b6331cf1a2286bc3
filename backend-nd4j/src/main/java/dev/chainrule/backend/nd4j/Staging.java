package dev.chainrule.backend.nd4j;

/**
 * Small Java arrays through which a pass on the Java side streams tensors held in native memory: a window of
 * {@value #WINDOW} elements of each operand is read from its native buffer, computed on here by a loop that the JIT
 * vectorises (which it does not do for loops over the native buffer itself), and written back. The arrays stay in the
 * first-level cache, so a pass costs about what ND4J's own kernel would for memory traffic, and no tensor is ever
 * copied whole to the Java heap. One instance per thread; nothing is allocated after the first use.
 */
final class Staging {

    /** Elements per window: four windows of floats fill 16 KB, half of a typical first-level data cache. */
    static final int WINDOW = 1024;

    private float[][] floats;
    private double[][] doubles;

    /** Window {@code index} (0 to 3) for FLOAT32 data. */
    float[] floats(int index) {
        if (floats == null) {
            floats = new float[4][WINDOW];
        }
        return floats[index];
    }

    /** Window {@code index} (0 to 3) for FLOAT64 data. */
    double[] doubles(int index) {
        if (doubles == null) {
            doubles = new double[4][WINDOW];
        }
        return doubles[index];
    }
}

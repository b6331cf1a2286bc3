package dev.chainrule.backend.plain;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Float32Functions} in vector lanes of doubles, {@link ExpReduction}'s recipe in every lane, bit for bit. The
 * floats are widened, a chunk of {@value #CHUNK} at a time, into double arrays of the calling thread, computed there in
 * whole vectors (the lanes past the chunk's end compute on stale numbers that nobody reads, so no lane needs a mask)
 * and narrowed into {@code out}.
 *
 * <p>Only vectors of the preferred shape appear here, the species of the product kernels: a vector of another shape in
 * the same JVM has been seen to stop the JIT from compiling the FLOAT32 product kernel's vector calls. A float vector
 * widens into two double vectors of that shape, and two narrow into one.
 * Only {@link VectorKernels} refers to this class, so the backend loads without the incubator module.
 */
final class VectorFloat32Functions implements Float32Functions {

    /** How many elements one pass through the thread's double arrays takes. */
    static final int CHUNK = 512;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** The float species of the same width: each of its vectors widens into two of {@link #SPECIES}. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int FLOAT_LANES = FLOATS.length();
    /** The float lanes that the second of two narrowed double vectors fills. */
    private static final VectorMask<Float> HIGH_HALF =
            VectorMask.fromLong(FLOATS, ((1L << FLOAT_LANES) - 1) & ~((1L << LANES) - 1));
    private static final double TANH_SERIES_BELOW = 0x1p-7;
    /** Per thread: the chunk's arguments, and the exponentials' arguments and results. */
    private static final ThreadLocal<double[][]> CHUNKS = ThreadLocal.withInitial(() -> new double[2][CHUNK]);

    @Override
    public void exp(float[] x, float[] out, int from, int to) {
        double[] chunk = CHUNKS.get()[0];
        for (int at = from; at < to; at += CHUNK) {
            int length = Math.min(CHUNK, to - at);
            widen(x, at, chunk, length);
            expLanes(chunk, length);
            narrow(chunk, out, at, length);
        }
    }

    @Override
    public void tanh(float[] x, float[] out, int from, int to) {
        double[][] chunks = CHUNKS.get();
        double[] arguments = chunks[0];
        double[] exponentials = chunks[1];
        for (int at = from; at < to; at += CHUNK) {
            int length = Math.min(CHUNK, to - at);
            widen(x, at, arguments, length);
            doubledMagnitudeLanes(arguments, exponentials, length);
            expLanes(exponentials, length);
            tanhLanes(arguments, exponentials, length);
            narrow(arguments, out, at, length);
        }
    }

    /** {@code chunk[i] = x[from + i]} for {@code i < length}, a float vector (two double vectors) at a time. */
    private static void widen(float[] x, int from, double[] chunk, int length) {
        int i = 0;
        for (; i <= length - FLOAT_LANES; i += FLOAT_LANES) {
            FloatVector floats = FloatVector.fromArray(FLOATS, x, from + i);
            ((DoubleVector) floats.convertShape(VectorOperators.F2D, SPECIES, 0)).intoArray(chunk, i);
            ((DoubleVector) floats.convertShape(VectorOperators.F2D, SPECIES, 1)).intoArray(chunk, i + LANES);
        }
        for (; i < length; i++) {
            chunk[i] = x[from + i];
        }
    }

    /** {@code out[from + i] = (float) chunk[i]} for {@code i < length}, two double vectors at a time. */
    private static void narrow(double[] chunk, float[] out, int from, int length) {
        int i = 0;
        for (; i <= length - FLOAT_LANES; i += FLOAT_LANES) {
            FloatVector low = (FloatVector) DoubleVector.fromArray(SPECIES, chunk, i)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector high = (FloatVector) DoubleVector.fromArray(SPECIES, chunk, i + LANES)
                    .convertShape(VectorOperators.D2F, FLOATS, -1);
            low.blend(high, HIGH_HALF).intoArray(out, from + i);
        }
        for (; i < length; i++) {
            out[from + i] = (float) chunk[i];
        }
    }

    /** {@code doubled[i] = 2 |x[i]|} for the whole vectors that cover {@code length}. */
    private static void doubledMagnitudeLanes(double[] x, double[] doubled, int length) {
        for (int i = 0; i < length; i += LANES) {
            DoubleVector magnitude = DoubleVector.fromArray(SPECIES, x, i).abs();
            magnitude.add(magnitude).intoArray(doubled, i);
        }
    }

    /**
     * {@code chunk[i] = e^chunk[i]} for the whole vectors that cover {@code length}. Like every method here that
     * computes with vectors, it takes arrays and keeps its vectors to itself: a vector passed to a method that the
     * JIT does not inline becomes an object on the heap, at every call.
     */
    private static void expLanes(double[] chunk, int length) {
        double[] c = ExpReduction.COEFFICIENTS;
        for (int i = 0; i < length; i += LANES) {
            DoubleVector clamped = DoubleVector.fromArray(SPECIES, chunk, i).max(ExpReduction.LOWEST)
                    .min(ExpReduction.HIGHEST);
            DoubleVector shifted = clamped.mul(ExpReduction.LOG2_E).add(ExpReduction.SHIFTER);
            DoubleVector n = shifted.sub(ExpReduction.SHIFTER);
            DoubleVector r = clamped.sub(n.mul(ExpReduction.LN2_HIGH)).sub(n.mul(ExpReduction.LN2_LOW));
            // Horner's rule written out: a vector carried around a loop may not be kept in a register.
            DoubleVector polynomial = r.mul(c[0]).add(c[1]);
            polynomial = polynomial.mul(r).add(c[2]);
            polynomial = polynomial.mul(r).add(c[3]);
            polynomial = polynomial.mul(r).add(c[4]);
            polynomial = polynomial.mul(r).add(c[5]);
            polynomial = polynomial.mul(r).add(c[6]);
            polynomial = polynomial.mul(r).add(c[7]);
            polynomial = polynomial.mul(r).add(c[8]);
            polynomial = polynomial.mul(r).add(c[9]);
            polynomial = polynomial.mul(r).add(c[10]);
            polynomial = polynomial.mul(r).add(c[11]);
            DoubleVector scale = shifted.reinterpretAsLongs().sub(ExpReduction.SHIFTER_BITS_LESS_BIAS)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            polynomial.mul(scale).intoArray(chunk, i);
        }
    }

    /**
     * {@code x[i] = tanh(x[i])} for the whole vectors that cover {@code length}, given {@code e[i] = e^(2 |x[i]|)}, as
     * {@link ScalarFloat32Functions} computes it: {@code 1 - 2 / (e + 1)} with {@code x}'s sign, and
     * {@code x (1 - x^2 / 3)} for {@code |x| < 2^-7}.
     */
    private static void tanhLanes(double[] x, double[] e, int length) {
        for (int i = 0; i < length; i += LANES) {
            DoubleVector argument = DoubleVector.fromArray(SPECIES, x, i);
            DoubleVector large = DoubleVector.broadcast(SPECIES, 1)
                    .sub(DoubleVector.broadcast(SPECIES, 2).div(DoubleVector.fromArray(SPECIES, e, i).add(1)));
            large = large.blend(large.neg(), argument.compare(VectorOperators.LT, 0));
            DoubleVector small = argument.mul(argument.mul(argument).div(3).neg().add(1));
            large.blend(small, argument.abs().compare(VectorOperators.LT, TANH_SERIES_BELOW)).intoArray(x, i);
        }
    }
}

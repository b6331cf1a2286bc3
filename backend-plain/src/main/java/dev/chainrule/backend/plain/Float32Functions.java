package dev.chainrule.backend.plain;

/**
 * The transcendental element functions of FLOAT32 arrays, a whole array at a time so that an implementation can work
 * in vector lanes: {@link VectorFloat32Functions} when the plain backend multiplies with the vector kernels,
 * {@link ScalarFloat32Functions} otherwise ({@link KernelChoice} chooses both). Both give the rounded exponential
 * (one ulp off, rarely) and a tanh within one float ulp of the rounded tanh, by one recipe ({@link ExpReduction}), so
 * that they give the same bits.
 */
interface Float32Functions {

    /** {@code out[i] = exp(x[i])}, rounded to float, for {@code from <= i < to}; {@code out} may be {@code x}. */
    void exp(float[] x, float[] out, int from, int to);

    /** {@code out[i] = tanh(x[i])}, within one float ulp, for {@code from <= i < to}; {@code out} may be {@code x}. */
    void tanh(float[] x, float[] out, int from, int to);
}

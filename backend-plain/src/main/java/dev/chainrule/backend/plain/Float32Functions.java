package dev.chainrule.backend.plain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcendental element functions of FLOAT32 arrays, a whole array at a time so that an implementation can work
 * in vector lanes: {@link VectorFloat32Functions} when the plain backend multiplies with the vector kernels,
 * {@link ScalarFloat32Functions} otherwise. Both give the rounded exponential and a tanh within one float ulp of the
 * rounded tanh; they may differ from each other by that ulp.
 */
interface Float32Functions {

    /** {@code out[i] = exp(x[i])}, rounded to float, for {@code i < count}; {@code out} may be {@code x}. */
    void exp(float[] x, float[] out, int count);

    /** {@code out[i] = tanh(x[i])}, within one float ulp, for {@code i < count}; {@code out} may be {@code x}. */
    void tanh(float[] x, float[] out, int count);

    /** The implementation that this JVM uses, chosen as the plain backend's kernels are. */
    static Float32Functions shared() {
        return Choice.FUNCTIONS;
    }

    /** Holds the choice, made once, when first needed. */
    final class Choice {

        private static final Logger LOG = LoggerFactory.getLogger(Float32Functions.class);
        static final Float32Functions FUNCTIONS = choose();

        private Choice() {
        }

        private static Float32Functions choose() {
            if (KernelChoice.vectorExpected(System.getProperty(KernelChoice.PROPERTY))) {
                try {
                    return VectorKernels.float32Functions();
                } catch (LinkageError e) {
                    LOG.debug("FLOAT32 exp and tanh stay scalar: {}", e.toString());
                }
            }
            return new ScalarFloat32Functions();
        }
    }
}

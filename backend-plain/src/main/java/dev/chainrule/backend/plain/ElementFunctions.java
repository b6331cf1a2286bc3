package dev.chainrule.backend.plain;

/**
 * The element functions whose single-precision form is not computed as the double one rounded, one overload per
 * precision, so that the FLOAT64 loops and their generated FLOAT32 twins call them by the same name. The array forms
 * of FLOAT32 run in vector lanes where the JVM has the Vector API ({@link Float32Functions}).
 */
final class ElementFunctions {

    private ElementFunctions() {
    }

    /** {@code out[i] = Math.exp(x[i])} for {@code i < count}. */
    static void exp(double[] x, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    /** The rounded exponential of each float, by the shared product's {@link Float32Functions}. */
    static void exp(float[] x, float[] out, int count) {
        MatrixMultiply.shared().float32Functions().exp(x, out, count);
    }

    /** {@code out[i] = Math.tanh(x[i])} for {@code i < count}. */
    static void tanh(double[] x, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = Math.tanh(x[i]);
        }
    }

    /** The tanh of each float within one ulp, by the shared product's {@link Float32Functions}. */
    static void tanh(float[] x, float[] out, int count) {
        MatrixMultiply.shared().float32Functions().tanh(x, out, count);
    }
}

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

    /**
     * tanh to float precision from the {@code exp} intrinsic, at about a third of the cost of {@code Math.tanh}:
     * {@code 1 - 2 / (e^2|x| + 1)} in double, and {@code x (1 - x^2 / 3)} for {@code |x| < 2^-7}, where the first
     * form would cancel. Both are within {@code 1e-9} relative of tanh, far inside half a float ulp ({@code 6e-8}):
     * the result is the correctly rounded tanh, or its neighbour for the rare {@code x} whose tanh lies that close to
     * the midpoint between two floats. Signed zeros, infinities and NaN come out as from {@code Math.tanh}.
     */
    static float tanh(float x) {
        double magnitude = Math.abs((double) x);
        if (magnitude < 0x1p-7) {
            return (float) (x * (1 - (double) x * x / 3));
        }
        return (float) Math.copySign(1 - 2 / (Math.exp(2 * magnitude) + 1), x);
    }
}

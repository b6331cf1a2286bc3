package dev.chainrule.backend.plain;

/**
 * The element functions whose single-precision form is not computed as the double one rounded, one overload per
 * precision, so that the FLOAT64 loops and their generated FLOAT32 twins call them by the same name. The array forms
 * of FLOAT32 run in vector lanes where the JVM has the Vector API ({@link Float32Functions}).
 */
final class ElementFunctions {

    private ElementFunctions() {
    }

    /** {@code out[i] = Math.exp(x[i])} for {@code i < count}, shared among the product threads when long. */
    static void exp(double[] x, double[] out, int count) {
        if (count < ElementwiseParts.SHARED) {
            exp(x, out, 0, count);
        } else {
            ElementwiseParts.run(count, (from, to) -> exp(x, out, from, to));
        }
    }

    /** The rounded exponential of each float, by the shared product's {@link Float32Functions}, shared when long. */
    static void exp(float[] x, float[] out, int count) {
        Float32Functions functions = MatrixMultiply.shared().float32Functions();
        if (count < ElementwiseParts.SHARED) {
            functions.exp(x, out, 0, count);
        } else {
            ElementwiseParts.run(count, (from, to) -> functions.exp(x, out, from, to));
        }
    }

    /** {@code out[i] = Math.tanh(x[i])} for {@code i < count}, shared among the product threads when long. */
    static void tanh(double[] x, double[] out, int count) {
        if (count < ElementwiseParts.SHARED) {
            tanh(x, out, 0, count);
        } else {
            ElementwiseParts.run(count, (from, to) -> tanh(x, out, from, to));
        }
    }

    /** The tanh of each float within one ulp, by the shared product's {@link Float32Functions}, shared when long. */
    static void tanh(float[] x, float[] out, int count) {
        Float32Functions functions = MatrixMultiply.shared().float32Functions();
        if (count < ElementwiseParts.SHARED) {
            functions.tanh(x, out, 0, count);
        } else {
            ElementwiseParts.run(count, (from, to) -> functions.tanh(x, out, from, to));
        }
    }

    private static void exp(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    private static void tanh(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.tanh(x[i]);
        }
    }
}

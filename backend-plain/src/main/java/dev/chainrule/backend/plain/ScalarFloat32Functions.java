package dev.chainrule.backend.plain;

/**
 * {@link Float32Functions} one element at a time, by {@link ExpReduction}'s recipe in the order that
 * {@link VectorFloat32Functions} computes it in its lanes, for JVMs without the Vector API. The two give the same bits,
 * so that a run resumed in a JVM of the other kind continues exactly (as the product kernels do).
 */
final class ScalarFloat32Functions implements Float32Functions {

    private static final double TANH_SERIES_BELOW = 0x1p-7;

    @Override
    public void exp(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) ExpReduction.exp(x[i]);
        }
    }

    @Override
    public void tanh(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = tanh(x[i]);
        }
    }

    /** {@code 1 - 2 / (e^2|x| + 1)} with {@code x}'s sign, and {@code x (1 - x^2 / 3)} for {@code |x| < 2^-7}. */
    private static float tanh(float x) {
        double argument = x;
        double magnitude = Math.abs(argument);
        if (magnitude < TANH_SERIES_BELOW) {
            return (float) (argument * (1 - argument * argument / 3));
        }
        double large = 1 - 2 / (ExpReduction.exp(magnitude + magnitude) + 1);
        return (float) (argument < 0 ? -large : large);
    }
}

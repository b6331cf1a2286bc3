package dev.chainrule.backend.plain;

/** {@link Float32Functions} one element at a time, from {@code Math.exp}: for JVMs without the Vector API. */
final class ScalarFloat32Functions implements Float32Functions {

    @Override
    public void exp(float[] x, float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = (float) Math.exp(x[i]);
        }
    }

    @Override
    public void tanh(float[] x, float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = ElementFunctions.tanh(x[i]);
        }
    }
}

package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.DType;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * {@code TensorBackend.adamStep} in one pass over the tensors on the Java side, window by window ({@link Staging}),
 * where the default takes nine passes of ND4J kernels (ND4J's square root alone took a fifth of an Adam training
 * step). Every operation is rounded exactly as the default's separate passes round it, so the numbers are the same:
 * <pre>
 * m = m * beta1;  m = m + (1 - beta1) * g;  v = v * beta2;  v = v + (1 - beta2) * (g * g)
 * p = p + (-stepSize) * (m / (sqrt(v) + epsilon))
 * </pre>
 * with each constant rounded to the dtype first. ND4J's own {@code adam_updater} is another formula (the bias
 * correction inside it, the step size applied to {@code m} before the division), so it would not give these numbers.
 */
final class FusedAdam {

    private FusedAdam() {
    }

    /** Updates {@code p}, {@code m} and {@code v} in place; shapes and dtypes are already checked. */
    static void step(Nd4jTensor p, Nd4jTensor g, Nd4jTensor m, Nd4jTensor v, double beta1, double beta2,
            double stepSize, double epsilon, Staging staging) {
        int count = p.shape().size();
        if (p.dtype() == DType.FLOAT32) {
            float[] pw = staging.floats(0);
            float[] gw = staging.floats(1);
            float[] mw = staging.floats(2);
            float[] vw = staging.floats(3);
            FloatBuffer pb = p.floats();
            FloatBuffer gb = g.floats();
            FloatBuffer mb = m.floats();
            FloatBuffer vb = v.floats();
            for (int from = 0; from < count; from += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - from);
                pb.get(from, pw, 0, length);
                gb.get(from, gw, 0, length);
                mb.get(from, mw, 0, length);
                vb.get(from, vw, 0, length);
                floats(pw, gw, mw, vw, length, (float) beta1, (float) (1 - beta1), (float) beta2,
                        (float) (1 - beta2), (float) -stepSize, (float) epsilon);
                pb.put(from, pw, 0, length);
                mb.put(from, mw, 0, length);
                vb.put(from, vw, 0, length);
            }
        } else {
            double[] pw = staging.doubles(0);
            double[] gw = staging.doubles(1);
            double[] mw = staging.doubles(2);
            double[] vw = staging.doubles(3);
            DoubleBuffer pb = p.doubles();
            DoubleBuffer gb = g.doubles();
            DoubleBuffer mb = m.doubles();
            DoubleBuffer vb = v.doubles();
            for (int from = 0; from < count; from += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - from);
                pb.get(from, pw, 0, length);
                gb.get(from, gw, 0, length);
                mb.get(from, mw, 0, length);
                vb.get(from, vw, 0, length);
                doubles(pw, gw, mw, vw, length, beta1, 1 - beta1, beta2, 1 - beta2, -stepSize, epsilon);
                pb.put(from, pw, 0, length);
                mb.put(from, mw, 0, length);
                vb.put(from, vw, 0, length);
            }
        }
    }

    private static void floats(float[] p, float[] g, float[] m, float[] v, int length, float decay1, float gain1,
            float decay2, float gain2, float negativeStep, float epsilon) {
        for (int i = 0; i < length; i++) {
            float gi = g[i];
            float mi = m[i] * decay1;
            mi = mi + gain1 * gi;
            float vi = v[i] * decay2;
            vi = vi + gain2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            float denominator = (float) Math.sqrt(vi) + epsilon;
            p[i] = p[i] + negativeStep * (mi / denominator);
        }
    }

    private static void doubles(double[] p, double[] g, double[] m, double[] v, int length, double decay1,
            double gain1, double decay2, double gain2, double negativeStep, double epsilon) {
        for (int i = 0; i < length; i++) {
            double gi = g[i];
            double mi = m[i] * decay1;
            mi = mi + gain1 * gi;
            double vi = v[i] * decay2;
            vi = vi + gain2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            double denominator = Math.sqrt(vi) + epsilon;
            p[i] = p[i] + negativeStep * (mi / denominator);
        }
    }
}

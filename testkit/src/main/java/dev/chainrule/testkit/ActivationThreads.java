package dev.chainrule.testkit;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * One configured activation shared by threads that each bind it to their own layer, and one bound layer shared by
 * threads that each run their own batches through it: both compute what they compute alone.
 */
final class ActivationThreads {

    private static final int COLUMNS = 5;

    private ActivationThreads() {
    }

    static void sharedInstanceIsThreadSafe(Activation activation, TensorBackend backend) {
        Activation sharedLayer = activation.bind(COLUMNS, backend, DType.FLOAT64);
        Tensor[] z = new Tensor[SharedUse.THREADS];
        Tensor[] g = new Tensor[SharedUse.THREADS];
        for (int t = 0; t < SharedUse.THREADS; t++) {
            z[t] = Points.within(activation.finiteDomain(DType.FLOAT64), backend, DType.FLOAT64, COLUMNS,
                    Points.uniform(backend, DType.FLOAT64, 6, COLUMNS, -3, 3, 40 + t));
            g[t] = Points.uniform(backend, DType.FLOAT64, z[t].rows(), COLUMNS, -1, 1, 50 + t);
        }
        String what = activation.spec().toString();
        SharedUse.agreesWithLoneUse(what + " (one bound layer)", t -> run(sharedLayer, z[t], g[t], t));
        SharedUse.agreesWithLoneUse(what + " (bound per thread)",
                t -> run(activation.bind(COLUMNS, backend, DType.FLOAT64), z[t], g[t], t));
    }

    /** An inference and a training pass, each with its backward and parameter gradients. */
    private static double[] run(Activation layer, Tensor z, Tensor g, int seed) {
        Tensor a = layer.forward(z);
        Tensor trained = layer.forward(z, z.newLike(), ForwardContext.training(seed));
        double[][] parts = new double[4 + 2 * layer.parameters().size()][];
        parts[0] = a.toDoubleArray();
        parts[1] = layer.backward(z, a, g).toDoubleArray();
        parts[2] = trained.toDoubleArray();
        parts[3] = layer.backward(z, trained, g).toDoubleArray();
        int at = 4;
        for (Tensor gradient : ActivationChecks.parameterGradients(layer, z, a, g)) {
            parts[at++] = gradient.toDoubleArray();
        }
        for (Tensor gradient : ActivationChecks.parameterGradients(layer, z, trained, g)) {
            parts[at++] = gradient.toDoubleArray();
        }
        return SharedUse.concat(parts);
    }
}

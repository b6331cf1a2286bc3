package dev.chainrule.spark;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import java.util.SplittableRandom;

/**
 * An executor's copy of a job's network with its backpropagation: computes the gradient sum of the rows of a batch
 * that its partition holds. One task uses a worker at a time ({@link WorkerPool}).
 */
final class Worker {

    private final Network network;
    private final Backpropagation backpropagation;
    private final int parameterCount;

    Worker(Network network, Backpropagation backpropagation) {
        this.network = network;
        this.backpropagation = backpropagation;
        this.parameterCount = FlatParameters.size(network.parameters());
    }

    Network network() {
        return network;
    }

    Backpropagation backpropagation() {
        return backpropagation;
    }

    /**
     * Forward and backward over {@code rows} in a training pass whose random numbers come from {@code noiseSeed};
     * returns the batch's mean loss, the mean gradients being in the backpropagation.
     */
    double compute(Shard.Rows rows, long noiseSeed) {
        TensorBackend backend = network.backend();
        Tensor x = backend.fromArray(network.dtype(), new Shape(rows.count(), network.inputs()), rows.features());
        Tensor y = backend.fromArray(network.dtype(), new Shape(rows.count(), rows.targets().length / rows.count()),
                rows.targets());
        return backpropagation.computeGradients(x, y, ForwardContext.training(new SplittableRandom(noiseSeed)));
    }

    /** The gradient sum of {@code rows} (a share of a global batch). */
    GradientSum share(Shard.Rows rows, long noiseSeed) {
        if (rows.count() == 0) {
            return GradientSum.EMPTY;
        }
        double loss = compute(rows, noiseSeed);
        Gradients gradients = backpropagation.gradients();
        double[] sum = new double[parameterCount];
        int offset = 0;
        for (int p = 0; p < gradients.size(); p++) {
            double[] values = gradients.get(p).toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                sum[offset + i] = values[i] * rows.count();
            }
            offset += values.length;
        }
        return new GradientSum(sum, loss * rows.count(), rows.count());
    }
}

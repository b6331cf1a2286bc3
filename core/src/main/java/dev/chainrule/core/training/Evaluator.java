package dev.chainrule.core.training;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Tensor;

/** Measures a network's loss and accuracy on a data set, batch by batch, without changing the network. */
public final class Evaluator {

    private Evaluator() {
    }

    /** The loss and accuracy of {@code network} on {@code data}, in batches of {@code batchSize}. */
    public static Evaluation evaluate(Network network, Loss loss, Dataset data, int batchSize) {
        return evaluate(new Backpropagation(network, loss, false), new DeviceData(network, data), batchSize);
    }

    static Evaluation evaluate(Backpropagation backpropagation, DeviceData data, int batchSize) {
        Network network = backpropagation.network();
        Dataset host = data.host();
        boolean classification = Accuracy.applies(network.outputs(), host.targetCount());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        BatchAccuracy counter = new BatchAccuracy(host, network.outputs());
        double lossSum = 0;
        long correct = 0;
        for (int offset = 0; offset < data.size(); offset += batchSize) {
            int rows = Math.min(batchSize, data.size() - offset);
            DeviceData.Batch xy = data.batch(order, offset, rows);
            Trace trace = backpropagation.forward(xy.x());
            lossSum += backpropagation.loss(trace, xy.y()) * rows;
            if (classification) {
                correct += counter.correct(trace.activation(trace.layers()), order, offset);
            }
        }
        return new Evaluation(lossSum / data.size(),
                classification ? java.util.OptionalDouble.of((double) correct / data.size())
                        : java.util.OptionalDouble.empty(), data.size());
    }
}

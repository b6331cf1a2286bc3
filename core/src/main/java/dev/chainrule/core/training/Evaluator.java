package dev.chainrule.core.training;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import java.util.Optional;
import java.util.OptionalDouble;

/** Measures a network's loss and accuracy on a data set, batch by batch, without changing the network. */
public final class Evaluator {

    private Evaluator() {
    }

    /** The loss and accuracy of {@code network} on {@code data}, in batches of {@code batchSize}. */
    public static Evaluation evaluate(Network network, Loss loss, Dataset data, int batchSize) {
        return evaluate(network, loss, DatasetSource.of(data), batchSize);
    }

    /** The loss and accuracy of {@code network} on the batches of one unshuffled pass of {@code data}. */
    public static Evaluation evaluate(Network network, Loss loss, BatchSource data, int batchSize) {
        if (data.featureCount() != network.inputs()) {
            throw new IllegalArgumentException("the data has " + data.featureCount() + " features per row but the "
                    + "network takes " + network.inputs() + " inputs");
        }
        return evaluate(new Backpropagation(network, loss, false), new BatchTensors(network), data, batchSize);
    }

    static Evaluation evaluate(Backpropagation backpropagation, BatchTensors tensors, BatchSource data,
            int batchSize) {
        Network network = backpropagation.network();
        boolean classification = Accuracy.applies(network.outputs(), data.targetCount());
        BatchAccuracy counter = new BatchAccuracy(network.outputs());
        double lossSum = 0;
        long correct = 0;
        long rows = 0;
        try (BatchStream batches = data.open(new BatchSource.Pass(1, batchSize, Optional.empty()))) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                BatchTensors.Loaded xy = tensors.load(batch);
                Trace trace = backpropagation.forward(xy.x());
                lossSum += backpropagation.loss(trace, xy.y()) * batch.rows();
                if (classification) {
                    correct += counter.correct(trace.activation(trace.layers()), batch);
                }
                rows += batch.rows();
            }
        }
        return new Evaluation(lossSum / rows, classification ? OptionalDouble.of((double) correct / rows)
                : OptionalDouble.empty(), (int) rows);
    }
}

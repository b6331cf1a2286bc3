package dev.chainrule.examples.cli;

import dev.chainrule.core.inference.Predictor;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Accuracy;
import dev.chainrule.core.training.Dataset;

/** Runs a network over many rows through a {@link Predictor}, in its batches of {@value Predictor#DEFAULT_MAX_BATCH}. */
final class Predictions {

    private Predictions() {
    }

    /** The outputs for {@code inputs} (row-major, the network's input width per row), row-major. */
    static double[] outputs(Network network, double[] inputs) {
        Predictor predictor = Predictor.of(network);
        return predictor.predictRows(inputs, new double[inputs.length / network.inputs() * network.outputs()]);
    }

    /**
     * The outputs for the features of {@code rows}, row-major, converting one batch of rows at a time (a data set kept
     * as bytes is never widened whole).
     */
    static double[] outputs(Network network, Dataset rows) {
        Predictor predictor = Predictor.of(network);
        int width = network.inputs();
        int batch = Predictor.DEFAULT_MAX_BATCH;
        double[] outputs = new double[Math.multiplyExact(rows.size(), network.outputs())];
        double[] slice = new double[batch * width];
        double[] sliceOutputs = new double[batch * network.outputs()];
        for (int start = 0; start < rows.size(); start += batch) {
            int count = Math.min(batch, rows.size() - start);
            double[] features = count == batch ? slice : new double[count * width];
            double[] result = count == batch ? sliceOutputs : new double[count * network.outputs()];
            rows.copyFeatureRows(start, features);
            predictor.predictRows(features, result);
            System.arraycopy(result, 0, outputs, start * network.outputs(), result.length);
        }
        return outputs;
    }

    /** The index of each row's largest output. */
    static int[] classes(double[] outputs, int width) {
        int[] classes = new int[outputs.length / width];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = Accuracy.argmax(outputs, r * width, width);
        }
        return classes;
    }
}

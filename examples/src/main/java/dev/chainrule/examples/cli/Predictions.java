package dev.chainrule.examples.cli;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Dataset;

/** Runs a network over many rows in batches. */
final class Predictions {

    private static final int BATCH = 512;

    private Predictions() {
    }

    /** The outputs for {@code inputs} (row-major, the network's input width per row), row-major. */
    static double[] outputs(Network network, double[] inputs) {
        int width = network.inputs();
        return outputs(network, inputs.length / width,
                (start, slice) -> System.arraycopy(inputs, start * width, slice, 0, slice.length));
    }

    /** The outputs for the features of {@code rows}, row-major, converting one batch of rows at a time. */
    static double[] outputs(Network network, Dataset rows) {
        return outputs(network, rows.size(), rows::copyFeatureRows);
    }

    /** Copies whole rows of features from row {@code start} on into {@code slice} (modified). */
    private interface RowSource {
        void copy(int start, double[] slice);
    }

    private static double[] outputs(Network network, int rows, RowSource source) {
        int width = network.inputs();
        double[] outputs = new double[rows * network.outputs()];
        for (int start = 0; start < rows; start += BATCH) {
            int count = Math.min(BATCH, rows - start);
            double[] slice = new double[count * width];
            source.copy(start, slice);
            Tensor batch = network.backend().fromArray(network.dtype(), new Shape(count, width), slice);
            double[] values = network.predict(batch).toDoubleArray();
            System.arraycopy(values, 0, outputs, start * network.outputs(), values.length);
        }
        return outputs;
    }

    /** The index of each row's largest output. */
    static int[] classes(double[] outputs, int width) {
        int[] classes = new int[outputs.length / width];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = dev.chainrule.core.training.Accuracy.argmax(outputs, r * width, width);
        }
        return classes;
    }
}

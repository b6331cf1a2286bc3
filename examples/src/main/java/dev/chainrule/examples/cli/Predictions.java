package dev.chainrule.examples.cli;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/** Runs a network over many rows in batches. */
final class Predictions {

    private static final int BATCH = 512;

    private Predictions() {
    }

    /** The outputs for {@code inputs} (row-major, the network's input width per row), row-major. */
    static double[] outputs(Network network, double[] inputs) {
        int width = network.inputs();
        int rows = inputs.length / width;
        double[] outputs = new double[rows * network.outputs()];
        for (int start = 0; start < rows; start += BATCH) {
            int count = Math.min(BATCH, rows - start);
            double[] slice = new double[count * width];
            System.arraycopy(inputs, start * width, slice, 0, slice.length);
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

package dev.chainrule.examples.cli;

import dev.chainrule.core.inference.Predictor;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Accuracy;

/** Runs a network over many rows through a {@link Predictor}, in its batches of {@value Predictor#DEFAULT_MAX_BATCH}. */
final class Predictions {

    private Predictions() {
    }

    /** The outputs for {@code inputs} (row-major, the network's input width per row), row-major. */
    static double[] outputs(Network network, double[] inputs) {
        Predictor predictor = Predictor.of(network);
        return predictor.predictRows(inputs, new double[inputs.length / network.inputs() * network.outputs()]);
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

package dev.chainrule.core.training;

import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;

/** The message of a loss that stopped being finite: the epoch, batch and the first layer whose values went wrong. */
final class Divergence {

    private Divergence() {
    }

    static TrainingDivergedException diverged(int epoch, int batch, double loss, Trace trace, Network network,
            TrainingConfig config) {
        String where = "the loss itself (" + config.loss().spec() + ") on finite outputs";
        for (int k = 1; k <= trace.layers(); k++) {
            Layer layer = network.layer(k);
            String name = "layer " + k + " (" + layer.spec() + ")";
            if (!layer.parameters().stream().allMatch(parameter -> allFinite(parameter.value()))) {
                where = name + ": its parameters are no longer finite";
                break;
            }
            if (!layer.state().stream().allMatch(state -> allFinite(state.value()))) {
                where = name + ": its running state is no longer finite";
                break;
            }
            if (layer.outputActivation().isPresent() && !allFinite(trace.preActivation(k))) {
                where = name + ": its pre-activations are not finite";
                break;
            }
            if (!allFinite(trace.activation(k))) {
                where = name + (layer.outputActivation().isPresent() ? ": its activation gave non-finite values"
                        : ": its output is not finite");
                break;
            }
        }
        return new TrainingDivergedException("training diverged at epoch " + epoch + ", batch " + batch + ": the loss is "
                + loss + "; first non-finite values at " + where + ". A smaller learning rate than "
                + config.optimizer().spec() + " may help.");
    }

    private static boolean allFinite(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).allMatch(Double::isFinite);
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A network as the user describes it, before the data fixes its input and output sizes: hidden layers, each with its
 * own activation, and optionally the output activation.
 *
 * @param hidden the hidden layers, first to last
 * @param output the output layer's activation spec; when empty the task's default (softmax or identity)
 */
record NetworkDefinition(List<LayerSpec> hidden, Optional<String> output) {

    /**
     * The seed network's hidden layers, one each of tanh, sigmoid and ReLU, wider than {@code SeedNetworkExample}'s
     * 64/48/32 so that it clears 95% test accuracy on digits although 10% of its training rows go to validation.
     */
    static final String SEED_LAYERS = "128:tanh,96:sigmoid,64:relu";

    NetworkDefinition {
        hidden = List.copyOf(hidden);
    }

    /**
     * Builds the network; an activation that is not on the class path is a usage error that lists the valid ones.
     *
     * @param outputs       units of the output layer
     * @param defaultOutput the output activation when none was given
     */
    Network build(Chainrule chainrule, int inputs, int outputs, String defaultOutput, DType dtype, long seed) {
        return UsageException.check(() -> {
            NetworkBuilder builder = chainrule.network(inputs).dtype(dtype).seed(seed);
            for (LayerSpec layer : hidden) {
                builder.dense(layer.units(), layer.activation());
            }
            return builder.dense(outputs, output.orElse(defaultOutput)).build();
        });
    }

    @Override
    public String toString() {
        return hidden.stream().map(LayerSpec::toString).collect(Collectors.joining(",")) + " -> "
                + output.orElse("(default output)");
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A network as the user describes it, before the data fixes its input and output sizes: hidden layers (dense layers
 * each with its own activation, and any other layer plugin), optionally the output activation and a weight
 * initializer for every dense layer that names none.
 *
 * @param hidden      the hidden layers, first to last
 * @param output      the output layer's activation spec; when empty the task's default (softmax or identity)
 * @param initializer the weight initializer of every dense layer that names none; when empty each activation's
 *                    recommendation
 */
record NetworkDefinition(List<LayerSpec> hidden, Optional<String> output, Optional<String> initializer) {

    /**
     * The seed network's hidden layers, one each of tanh, sigmoid and ReLU, wider than {@code SeedNetworkExample}'s
     * 64/48/32 so that it clears 95% test accuracy on digits although 10% of its training rows go to validation.
     */
    static final String SEED_LAYERS = "128:tanh,96:sigmoid,64:relu";

    NetworkDefinition {
        hidden = List.copyOf(hidden);
    }

    /**
     * Builds the network; a layer, activation or initializer that is not on the class path is a usage error that lists
     * the valid ones.
     *
     * @param outputs       units of the output layer
     * @param defaultOutput the output activation when none was given
     */
    Network build(Chainrule chainrule, int inputs, int outputs, String defaultOutput, DType dtype, long seed) {
        return UsageException.check(() -> {
            NetworkBuilder builder = MemoryLimits.ofThisJvm().limit(chainrule.network(inputs).dtype(dtype).seed(seed));
            initializer.ifPresent(builder::initializer);
            for (LayerSpec layer : hidden) {
                builder.layer(chainrule.layer(layer.spec().toString()));
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

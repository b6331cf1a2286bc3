package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.examples.data.LabeledData;
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
 * @param input       what each example looks like ({@code 1x28x28}); when empty, the data's own image shape or a flat
 *                    row of its features
 */
record NetworkDefinition(List<LayerSpec> hidden, Optional<String> output, Optional<String> initializer,
        Optional<FeatureShape> input) {

    /**
     * The seed network's hidden layers, one each of tanh, sigmoid and ReLU, wider than {@code SeedNetworkExample}'s
     * 64/48/32 so that it clears 95% test accuracy on digits although 10% of its training rows go to validation.
     */
    static final String SEED_LAYERS = "128:tanh,96:sigmoid,64:relu";

    NetworkDefinition {
        hidden = List.copyOf(hidden);
    }

    /** A definition that takes the input's shape from the data. */
    NetworkDefinition(List<LayerSpec> hidden, Optional<String> output, Optional<String> initializer) {
        this(hidden, output, initializer, Optional.empty());
    }

    /** The same definition with examples shaped {@code shape}. */
    NetworkDefinition withInput(Optional<FeatureShape> shape) {
        return new NetworkDefinition(hidden, output, initializer, shape);
    }

    /**
     * What each example of {@code rows} looks like to the network: the declared input shape, else the data's own
     * (Fashion-MNIST's {@code 1x28x28}), else a flat row of its features. A declared shape that does not hold a row's
     * features is a usage error.
     */
    FeatureShape inputFor(LabeledData rows) {
        FeatureShape shape = input.or(rows::imageShape).orElseGet(() -> FeatureShape.flat(rows.featureCount()));
        if (shape.size() != rows.featureCount()) {
            throw new UsageException("the input shape " + shape.channels() + "x" + shape.height() + "x" + shape.width()
                    + " holds " + shape.size() + " numbers but " + rows.name() + " has " + rows.featureCount()
                    + " features per row");
        }
        return shape;
    }

    /** Parses {@code CHANNELSxHEIGHTxWIDTH} ({@code 1x28x28}) or a single number of features. */
    static FeatureShape parseShape(String text, String where) {
        String[] parts = text.trim().split("\\s*[xX,]\\s*");
        try {
            long[] sizes = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Long.parseLong(parts[i].replaceAll("[\\[\\]\\s]", ""));
                if (sizes[i] < 1 || sizes[i] > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
            }
            if (parts.length == 3) {
                return new FeatureShape((int) sizes[0], (int) sizes[1], (int) sizes[2]);
            }
            if (parts.length == 1) {
                return FeatureShape.flat((int) sizes[0]);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + " must be CHANNELSxHEIGHTxWIDTH such as 1x28x28, each a whole number >= 1"
                    + " (at most " + Integer.MAX_VALUE + " numbers in all), got '" + text + "'");
        }
        throw new UsageException(where + " must be CHANNELSxHEIGHTxWIDTH such as 1x28x28, got '" + text + "'");
    }

    /**
     * Builds the network; a layer, activation or initializer that is not on the class path is a usage error that lists
     * the valid ones.
     *
     * @param inputs        what each example looks like ({@link #inputFor})
     * @param outputs       units of the output layer
     * @param defaultOutput the output activation when none was given
     */
    Network build(Chainrule chainrule, FeatureShape inputs, int outputs, String defaultOutput, DType dtype, long seed) {
        return UsageException.check(() -> {
            NetworkBuilder builder = chainrule.network(inputs).dtype(dtype).seed(seed);
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

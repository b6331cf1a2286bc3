package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.testkit.LayerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered layer, at its defaults (dense needs its units) and at the configurations below, passes the test
 * kit's {@link LayerContract} on every usable backend and in both dtypes.
 */
class LayerContractTest {

    /** What a layer needs beyond its defaults to be built at all. */
    private static final Map<String, String> REQUIRED = Map.of("dense", "dense(units=3, activation=tanh)", "conv2d",
            "conv2d(filters=3, kernel=3)");

    /** What examples look like at the layers that arrange them as images, by name: 5 plain features for the rest. */
    private static final Map<String, FeatureShape> IMAGE_INPUTS = Map.of("conv2d", new FeatureShape(2, 5, 5),
            "max_pool2d", new FeatureShape(2, 5, 4), "avg_pool2d", new FeatureShape(2, 5, 4), "global_avg_pool2d",
            new FeatureShape(3, 3, 2), "flatten", new FeatureShape(2, 3, 2));

    /**
     * Convolutions and poolings away from their defaults, each with the input it gets: strides, every kind of padding,
     * dilation, odd sizes, 1x1 kernels, several channels, a trainable activation.
     */
    static final Map<String, FeatureShape> IMAGE_CASES = Map.of(
            "conv2d(4, 3, stride=2, padding=same, activation=tanh)", new FeatureShape(2, 7, 6),
            "conv2d(filters=2, kernel=3, padding=2, dilation=2, activation=prelu)", new FeatureShape(3, 6, 5),
            "conv2d(filters=3, kernel=1, activation=sigmoid)", new FeatureShape(2, 4, 3),
            "conv2d(filters=2, kernel=2, stride=3, padding=1, init=glorot_uniform, bias_init=normal(std=0.5))",
            new FeatureShape(1, 7, 7),
            "conv2d(filters=2, kernel=3, padding=same, dilation=2)", new FeatureShape(2, 5, 6),
            "max_pool2d(kernel=3, stride=2, padding=1)", new FeatureShape(2, 7, 6),
            "max_pool2d(kernel=2, stride=1, dilation=2)", new FeatureShape(1, 5, 5),
            "avg_pool2d(kernel=3, stride=2, padding=1)", new FeatureShape(2, 5, 7),
            "avg_pool2d(kernel=2, stride=1)", new FeatureShape(3, 3, 3));

    /** Configurations away from the defaults: trainable activations, a full Jacobian, other rates. */
    static final List<String> NON_DEFAULT = List.of(
            "dense(units=4, activation=prelu, init=orthogonal, bias_init=normal(std=0.5))",
            "dense(units=3, activation=softmax)",
            "activation(function=prelu)",
            "activation(function=softmax)",
            "activation(function=sigmoid)",
            "dropout(rate=0.2)",
            "alpha_dropout(rate=0.3)",
            "gaussian_dropout(rate=0.2)",
            "gaussian_noise(stddev=0.5)",
            "batch_norm(momentum=0.3, eps=0.001)",
            "layer_norm(eps=0.001)");

    static Stream<String> specs() {
        Stream<String> defaults = Registries.PLUGINS.layers().names().stream()
                .map(name -> REQUIRED.getOrDefault(name, name));
        return Stream.concat(defaults, NON_DEFAULT.stream());
    }

    /** The input a layer gets in these tests. */
    static FeatureShape inputOf(String spec) {
        return IMAGE_CASES.getOrDefault(spec, IMAGE_INPUTS.getOrDefault(Registries.PLUGINS.layers().create(spec).name(),
                FeatureShape.flat(5)));
    }

    @TestFactory
    Stream<DynamicNode> everyRegisteredLayerPassesTheTestKit() {
        return Stream.concat(specs(), IMAGE_CASES.keySet().stream().sorted()).map(spec -> dynamicContainer(
                spec + " on " + inputOf(spec), new LayerContract() {
                    @Override
                    public Layer layer() {
                        return Registries.PLUGINS.layers().create(spec);
                    }

                    @Override
                    public FeatureShape inputShape() {
                        return inputOf(spec);
                    }
                }.contractTests()));
    }

    @Test
    void everyParameterisedLayerIsAlsoCheckedAwayFromItsDefaults() {
        List<String> missing = new ArrayList<>();
        for (PluginEntry<Layer> entry : Registries.PLUGINS.layers().entries()) {
            boolean covered = Stream.concat(NON_DEFAULT.stream(), IMAGE_CASES.keySet().stream()).map(spec -> Registries.PLUGINS.layers().create(spec).spec())
                    .anyMatch(spec -> spec.name().equals(entry.plugin().name()) && !spec.equals(entry.plugin().spec()));
            if (!entry.parameterDefaults().isEmpty() && !covered) {
                missing.add(entry.plugin().name());
            }
        }
        assertEquals(List.of(), missing, "add non-default configurations to LayerContractTest.NON_DEFAULT");
    }
}

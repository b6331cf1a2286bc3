package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

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
    private static final Map<String, String> REQUIRED = Map.of("dense", "dense(units=3, activation=tanh)");

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

    @TestFactory
    Stream<DynamicNode> everyRegisteredLayerPassesTheTestKit() {
        return specs().map(spec -> dynamicContainer(spec,
                ((LayerContract) () -> Registries.PLUGINS.layers().create(spec)).contractTests()));
    }

    @Test
    void everyParameterisedLayerIsAlsoCheckedAwayFromItsDefaults() {
        List<String> missing = new ArrayList<>();
        for (PluginEntry<Layer> entry : Registries.PLUGINS.layers().entries()) {
            boolean covered = NON_DEFAULT.stream().map(spec -> Registries.PLUGINS.layers().create(spec).spec())
                    .anyMatch(spec -> spec.name().equals(entry.plugin().name()) && !spec.equals(entry.plugin().spec()));
            if (!entry.parameterDefaults().isEmpty() && !covered) {
                missing.add(entry.plugin().name());
            }
        }
        assertEquals(List.of(), missing, "add non-default configurations to LayerContractTest.NON_DEFAULT");
    }
}

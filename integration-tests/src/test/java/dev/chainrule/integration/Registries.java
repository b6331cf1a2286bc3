package dev.chainrule.integration;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.testkit.Backends;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every registered plugin, as sources for parameterized contract tests. */
public final class Registries {

    /** Discovered once for all tests. */
    public static final Plugins PLUGINS = Plugins.discover(Registries.class.getClassLoader());

    private Registries() {
    }

    /** Every registered activation in its default configuration. */
    public static Stream<Activation> activations() {
        return PLUGINS.activations().entries().stream().map(PluginEntry::plugin);
    }

    /** Every registered loss in its default configuration. */
    public static Stream<Loss> losses() {
        return PLUGINS.losses().entries().stream().map(PluginEntry::plugin);
    }

    /** Every registered optimizer in its default configuration. */
    public static Stream<Optimizer> optimizers() {
        return PLUGINS.optimizers().entries().stream().map(PluginEntry::plugin);
    }

    /** Every registered activation on every usable backend. */
    public static Stream<Arguments> activationsOnBackends() {
        return activations().flatMap(activation -> Backends.backends().map(backend -> Arguments.of(activation, backend)));
    }

    /** Every registered loss on every usable backend. */
    public static Stream<Arguments> lossesOnBackends() {
        return losses().flatMap(loss -> Backends.backends().map(backend -> Arguments.of(loss, backend)));
    }

    /** Every registered optimizer on every usable backend. */
    public static Stream<Arguments> optimizersOnBackends() {
        return optimizers().flatMap(optimizer -> Backends.backends().map(backend -> Arguments.of(optimizer, backend)));
    }

    /** A network builder on {@code backend} with every registered layer, activation and initializer. */
    public static NetworkBuilder networkBuilder(TensorBackend backend, FeatureShape input) {
        return new NetworkBuilder(backend, PLUGINS.layers(), PLUGINS.activations(), PLUGINS.initializers(), input);
    }

    static TensorBackend backend(String name) {
        return PLUGINS.backends().entry(name).plugin();
    }
}

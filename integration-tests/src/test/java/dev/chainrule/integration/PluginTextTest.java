package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.plugin.PluginEntry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configurable activation, loss or layer that is not yet bound to a network prints as its resolved spec, the text
 * that creates it again: what error messages, logs and the model summary show. Every registered one that takes
 * parameters, at its defaults and at the non-default configurations the contract tests use. (Plugins without
 * parameters and the initializers keep Java's default text.)
 */
class PluginTextTest {

    static Stream<Plugin> plugins() {
        Stream<Plugin> activations = ActivationCases.specs().map(Registries.PLUGINS.activations()::create);
        Stream<Plugin> losses = LossCases.variants().map(Plugin.class::cast);
        Stream<Plugin> layers = Stream.concat(Registries.PLUGINS.layers().entries().stream().map(PluginEntry::plugin),
                LayerContractTest.NON_DEFAULT.stream().map(Registries.PLUGINS.layers()::create));
        return Stream.of(activations, losses, layers).flatMap(s -> s)
                .filter(plugin -> !plugin.spec().arguments().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void aConfigurablePluginPrintsAsItsSpec(Plugin plugin) {
        assertEquals(plugin.spec().toString(), plugin.toString());
    }
}

package dev.chainrule.integration;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.testkit.Backends;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The losses under test. Every registered loss is tested in its default configuration and, when it takes the
 * parameter, with each other {@code reduction} and with per-output {@code weights}; inputs come from the test kit's
 * {@link dev.chainrule.testkit.LossInputs}, drawn from the domains the loss advertises. No loss is named here.
 */
final class LossCases {

    /** One weight per output, for the weighted variants. */
    static final String WEIGHTS = "[0.5, 2, 1, 1.5]";
    /** The parameter names of the built-in conventions. */
    static final String REDUCTION = "reduction";
    static final String WEIGHTS_PARAMETER = "weights";

    private LossCases() {
    }

    /** Every registered loss in each configuration worth testing. */
    static Stream<Loss> variants() {
        return Registries.PLUGINS.losses().entries().stream().flatMap(LossCases::variants);
    }

    /** {@link #variants()} on every usable backend. */
    static Stream<Arguments> variantsOnBackends() {
        return variants().flatMap(loss -> Backends.backends().map(backend -> Arguments.of(loss, backend)));
    }

    /** The default configuration of every loss that takes {@code parameter}, on every usable backend. */
    static Stream<Arguments> takingOnBackends(String parameter) {
        return Registries.PLUGINS.losses().entries().stream()
                .filter(entry -> entry.parameterDefaults().containsKey(parameter))
                .map(PluginEntry::plugin)
                .flatMap(loss -> Backends.backends().map(backend -> Arguments.of(loss, backend)));
    }

    /** The losses that take a reduction, on every backend. */
    static Stream<Arguments> reducibleOnBackends() {
        return takingOnBackends(REDUCTION);
    }

    /** The losses that take weights, on every backend. */
    static Stream<Arguments> weightedOnBackends() {
        return takingOnBackends(WEIGHTS_PARAMETER);
    }

    private static Stream<Loss> variants(PluginEntry<Loss> entry) {
        Loss loss = entry.plugin();
        Stream.Builder<Loss> variants = Stream.builder();
        variants.add(loss);
        if (entry.parameterDefaults().containsKey(REDUCTION)) {
            variants.add(configure(loss, REDUCTION, "mean"));
            variants.add(configure(loss, REDUCTION, "sum"));
        }
        if (entry.parameterDefaults().containsKey(WEIGHTS_PARAMETER)) {
            variants.add(configure(loss, WEIGHTS_PARAMETER, WEIGHTS));
        }
        return variants.build();
    }

    /** {@code loss} with one parameter changed, created through the registry from its spec. */
    static Loss configure(Loss loss, String parameter, String value) {
        Spec spec = loss.spec().with(parameter, value);
        return Registries.PLUGINS.losses().create(spec);
    }

    /** The reduction that {@code loss} uses; a loss without the parameter follows the SPI's batch mean. */
    static String reduction(Loss loss) {
        return loss.spec().arguments().getOrDefault(REDUCTION, "batch_mean");
    }
}

package dev.chainrule.integration;

import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The losses under test and their inputs. Every registered loss is tested in its default configuration and, when it
 * takes the parameter, with each other {@code reduction} and with per-output {@code weights}; inputs come from the
 * {@link Domain}s the loss advertises. No loss is named here.
 */
final class LossCases {

    /** Rows of a test batch. */
    static final int ROWS = 6;
    /** Outputs of a test batch. */
    static final int COLUMNS = 4;
    /** One weight per output, for the weighted variants. */
    static final String WEIGHTS = "[0.5, 2, 1, 1.5]";
    /** The parameter names of the built-in conventions. */
    static final String REDUCTION = "reduction";
    static final String WEIGHTS_PARAMETER = "weights";

    private LossCases() {
    }

    /** Outputs and targets of one batch. */
    record Inputs(Tensor output, Tensor target) {
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

    /** Typical inputs: well inside both domains. */
    static Inputs typical(Loss loss, TensorBackend backend, DType dtype, int rows, long seed) {
        return inputs(loss, backend, dtype, rows, seed, DomainSamples::typical, DomainSamples::typical);
    }

    /** Inputs whose outputs, targets or both lie at the edges of their domains; {@code kind} 0, 1 or 2. */
    static Inputs extreme(Loss loss, TensorBackend backend, DType dtype, int kind, long seed) {
        Function<DomainSamples, DomainSamples.Sampler> outputs = kind == 1 ? DomainSamples::typical
                : DomainSamples::extreme;
        Function<DomainSamples, DomainSamples.Sampler> targets = kind == 0 ? DomainSamples::typical
                : DomainSamples::extreme;
        return inputs(loss, backend, dtype, 12, seed, outputs, targets);
    }

    /** The three kinds of {@link #extreme} inputs. */
    static List<Integer> extremeKinds() {
        return List.of(0, 1, 2);
    }

    private static Inputs inputs(Loss loss, TensorBackend backend, DType dtype, int rows, long seed,
            Function<DomainSamples, DomainSamples.Sampler> outputs,
            Function<DomainSamples, DomainSamples.Sampler> targets) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor output = tensor(backend, dtype, loss.outputDomain(), rows,
                outputs.apply(DomainSamples.of(loss.outputDomain())).draw(rows, COLUMNS, random));
        Tensor target = tensor(backend, dtype, loss.targetDomain(), rows,
                targets.apply(DomainSamples.of(loss.targetDomain())).draw(rows, COLUMNS, random));
        return new Inputs(output, target);
    }

    /** A tensor of {@code values} shaped for {@code domain} beside {@link #COLUMNS} outputs. */
    static Tensor tensor(TensorBackend backend, DType dtype, Domain domain, int rows, double[] values) {
        return backend.fromArray(dtype, new Shape(rows, domain.columns(COLUMNS)), values);
    }
}

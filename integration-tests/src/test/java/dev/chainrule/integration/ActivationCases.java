package dev.chainrule.integration;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The activation configurations that the contract tests run over: every registered activation at its defaults,
 * and the parameterised ones at other values as well. A new parameterised activation must add a line to
 * {@link #NON_DEFAULT}; {@code ActivationContractTest} checks that none is missing.
 */
final class ActivationCases {

    /** Configurations away from the defaults, including PyTorch's parameter names where they differ. */
    static final List<String> NON_DEFAULT = List.of(
            "leaky_relu(alpha=0.2)",
            "leaky_relu(negative_slope=1.5)",
            "prelu(init=-0.5)",
            "rrelu(lower=0.05, upper=0.5)",
            "rrelu(lower=0.3, upper=0.3)",
            "elu(alpha=0.5)",
            "celu(alpha=2.5)",
            "celu(alpha=0.1)",
            "silu(beta=1.7)",
            "softplus(beta=2, threshold=10)",
            "softplus(beta=0.5, threshold=3)",
            "hard_tanh(min=-2, max=0.5)",
            "hard_tanh(min_val=0, max_val=6)",
            "soft_shrink(lambda=1.5)",
            "hard_shrink(lambd=0.25)",
            "thresholded_relu(theta=0.5)");

    private ActivationCases() {
    }

    /** Every registered activation's default spec, then the non-default ones. */
    static Stream<String> specs() {
        return Stream.concat(Registries.PLUGINS.activations().entries().stream()
                .map(PluginEntry::plugin).map(activation -> activation.spec().toString()), NON_DEFAULT.stream());
    }

    /** Every spec on every usable backend. */
    static Stream<Arguments> specsOnBackends() {
        return specs().flatMap(spec -> Backends.backends().map(backend -> Arguments.of(spec, backend)));
    }

    /** The activations of the built-in catalogue (module {@code activations}), without test fixtures or plugins. */
    static Stream<PluginEntry<Activation>> builtIns() {
        return Registries.PLUGINS.activations().entries().stream()
                .filter(entry -> entry.plugin().getClass().getPackageName().equals("dev.chainrule.activations"));
    }

    /** The activation that {@code spec} names, bound to a layer of {@code units} on {@code backend} in {@code dtype}. */
    static Activation bound(String spec, int units, TensorBackend backend, DType dtype) {
        return Registries.PLUGINS.activations().create(spec).bind(units, backend, dtype);
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue as users meet it through specs: names, aliases, parameters and their defaults, and bad input. */
class ActivationConfigurationTest {

    private static final PluginRegistry<Activation> ACTIVATIONS = Registries.PLUGINS.activations();

    @Test
    void theBuiltInCatalogueIsComplete() {
        assertEquals(java.util.List.of("celu", "cube", "elu", "exponential", "gelu", "gelu_tanh", "hard_shrink",
                "hard_sigmoid", "hard_swish", "hard_tanh", "identity", "leaky_relu", "log_sigmoid", "log_softmax", "mish",
                "prelu", "rational_tanh", "rectified_tanh", "relu", "relu6", "rrelu", "selu", "sigmoid", "silu", "soft_shrink",
                "softmax", "softplus", "softsign", "tanh", "tanh_shrink", "thresholded_relu"),
                ActivationCases.builtIns().map(entry -> entry.plugin().name()).toList());
        assertEquals(java.util.List.of(), ACTIVATIONS.failures());
    }

    @Test
    void parametersAndDefaultsAreAsDocumented() {
        Map<String, Map<String, String>> defaults = ActivationCases.builtIns()
                .filter(entry -> !entry.parameterDefaults().isEmpty())
                .collect(Collectors.toMap(entry -> entry.plugin().name(), PluginEntry::parameterDefaults,
                        (a, b) -> a, TreeMap::new));
        assertEquals(Map.ofEntries(
                Map.entry("celu", Map.of("alpha", "1.0")),
                Map.entry("elu", Map.of("alpha", "1.0")),
                Map.entry("hard_shrink", Map.of("lambda", "0.5")),
                Map.entry("hard_tanh", Map.of("min", "-1.0", "max", "1.0")),
                Map.entry("leaky_relu", Map.of("alpha", "0.01")),
                Map.entry("prelu", Map.of("init", "0.25")),
                Map.entry("rrelu", Map.of("lower", "0.125", "upper", "0.3333333333333333")),
                Map.entry("silu", Map.of("beta", "1.0")),
                Map.entry("soft_shrink", Map.of("lambda", "0.5")),
                Map.entry("softplus", Map.of("beta", "1.0", "threshold", "20.0")),
                Map.entry("thresholded_relu", Map.of("theta", "1.0"))), defaults);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "swish                          | silu(beta=1.0)",
        "swish(beta=2)                  | silu(beta=2.0)",
        "linear                         | identity",
        "leaky_relu(negative_slope=0.2) | leaky_relu(alpha=0.2)",
        "hard_tanh(min_val=0, max_val=6) | hard_tanh(min=0.0, max=6.0)",
        "soft_shrink(lambd=0.1)         | soft_shrink(lambda=0.1)",
        "hard_shrink(lambd=0.1)         | hard_shrink(lambda=0.1)",
    })
    void aliasesResolveToTheCanonicalSpec(String given, String canonical) {
        assertEquals(canonical, ACTIVATIONS.create(given).spec().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "leaky_relu(alpha=-1)                    | leaky_relu: parameter alpha must be finite and >= 0, got -1",
        "leaky_relu(alpha=0.1, negative_slope=0.2) | alpha and negative_slope name the same parameter",
        "elu(alpha=0)                            | elu: parameter alpha must be finite and > 0, got 0",
        "celu(alpha=-2)                          | celu: parameter alpha must be finite and > 0, got -2",
        "softplus(beta=0)                        | softplus: parameter beta must be finite and > 0, got 0",
        "softplus(threshold=Infinity)            | softplus: parameter threshold must be finite and > 0, got Infinity",
        "silu(beta=-1)                           | silu: parameter beta must be finite and > 0, got -1",
        "hard_tanh(min=1, max=-1)                | hard_tanh: min must be < max, got min 1.0 and max -1.0",
        "rrelu(lower=0.5, upper=0.1)             | rrelu: lower must be <= upper, got lower 0.5 and upper 0.1",
        "rrelu(lower=-0.1)                       | rrelu: parameter lower must be finite and >= 0, got -0.1",
        "soft_shrink(lambda=-0.5)                | soft_shrink: parameter lambda must be finite and >= 0, got -0.5",
        "thresholded_relu(theta=-1)              | thresholded_relu: parameter theta must be finite and >= 0, got -1",
        "prelu(init=abc)                         | prelu: parameter init must be a number, got abc",
        "relu6(alpha=1)                          | 'relu6' has no parameter alpha; it takes no parameters",
        "elu(beta=1)                             | 'elu' has no parameter beta; its parameters are {alpha=1.0}",
        "celu(alpha=0)                           | celu: parameter alpha must be finite and > 0, got 0",
        "silu(beta=0)                            | silu: parameter beta must be finite and > 0, got 0",
        "softplus(threshold=0)                   | softplus: parameter threshold must be finite and > 0, got 0",
        "rrelu(upper=-1)                         | rrelu: parameter upper must be finite and >= 0, got -1",
        "hard_shrink(lambda=-0.1)                | hard_shrink: parameter lambda must be finite and >= 0, got -0.1",
        "hard_tanh(min=1, max=1)                 | hard_tanh: min must be < max, got min 1.0 and max 1.0",
    })
    void badConfigurationsAreRejectedWithTheValuesGiven(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ACTIVATIONS.create(spec));
        assertTrue(error.getMessage().contains(message), error::getMessage);
    }

    /** The closed ends of the ranges above are allowed: 0 where a parameter must be >= 0. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "leaky_relu(alpha=0)        | leaky_relu(alpha=0.0)",
        "rrelu(lower=0, upper=0)    | rrelu(lower=0.0, upper=0.0)",
        "soft_shrink(lambda=0)      | soft_shrink(lambda=0.0)",
        "hard_shrink(lambda=0)      | hard_shrink(lambda=0.0)",
        "thresholded_relu(theta=0)  | thresholded_relu(theta=0.0)",
    })
    void theClosedEndsOfTheRangesAreAccepted(String spec, String resolved) {
        assertEquals(resolved, ACTIVATIONS.create(spec).spec().toString());
    }

    @Test
    void anUnboundPreluRefusesToRun() {
        TensorBackend backend = Backends.reference();
        Tensor z = Points.uniform(backend, DType.FLOAT64, 2, 3, -1, 1, 1);
        Activation unbound = ACTIVATIONS.create("prelu");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> unbound.forward(z));
        assertTrue(error.getMessage().contains("bind"), error::getMessage);
        Activation bound = unbound.bind(4, backend, DType.FLOAT64);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> bound.forward(z));
        assertTrue(mismatch.getMessage().contains("bound to 4 units but z is 2x3"), mismatch::getMessage);
    }

    @Test
    void theReluFamilyRecommendsHeAndSeluLecunInitialisation() {
        Map<String, String> recommended = ActivationCases.builtIns().map(PluginEntry::plugin)
                .filter(activation -> !activation.recommendedInitializer().name().equals("glorot_uniform"))
                .collect(Collectors.toMap(Activation::name, activation -> activation.recommendedInitializer().toString(),
                        (a, b) -> a, TreeMap::new));
        String he = "he_normal";
        assertEquals(Map.of("celu", he, "elu", he, "leaky_relu", "he_normal(negative_slope=0.01)", "prelu", he,
                "relu", he, "relu6", he, "rrelu", he, "thresholded_relu", he, "selu", "lecun_normal"), recommended);
        for (String initializer : recommended.values()) {
            Registries.PLUGINS.initializers().create(initializer);
        }
    }
}

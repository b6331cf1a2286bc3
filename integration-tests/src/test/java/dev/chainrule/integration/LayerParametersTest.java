package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ranges of the layers' and initializers' numeric parameters: a value just outside is refused with a message that
 * names the plugin, the parameter, the rule and the value; the closed ends of each range are accepted.
 */
class LayerParametersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "batch_norm(momentum=1.5)     | batch_norm: parameter momentum must be in [0, 1], got 1.5",
        "batch_norm(momentum=-0.1)    | batch_norm: parameter momentum must be in [0, 1], got -0.1",
        "layer_norm(eps=0)            | layer_norm: parameter eps must be finite and > 0, got 0",
        "batch_norm(eps=Infinity)     | batch_norm: parameter eps must be finite and > 0, got Infinity",
        "gaussian_noise(stddev=-1)    | gaussian_noise: parameter stddev must be finite and >= 0, got -1",
        "gaussian_noise(stddev=Infinity) | gaussian_noise: parameter stddev must be finite and >= 0, got Infinity",
        "dropout(rate=-0.1)           | dropout: parameter rate must be in [0, 1), got -0.1",
        "gaussian_dropout(rate=1)     | gaussian_dropout: parameter rate must be in [0, 1), got 1",
    })
    void layerParametersOutsideTheirRangeAreClearErrors(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.layers().create(spec));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"batch_norm(momentum=0)", "batch_norm(momentum=1)", "dropout(rate=0)",
        "alpha_dropout(rate=0)", "gaussian_noise(stddev=0)"})
    void layerParametersAtTheClosedEndsAreAccepted(String spec) {
        assertEquals(spec.substring(0, spec.indexOf('(')), Registries.PLUGINS.layers().create(spec).name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sparse(fraction=1.5)         | sparse: parameter fraction must be in [0, 1], got 1.5",
        "sparse(fraction=-0.5)        | sparse: parameter fraction must be in [0, 1], got -0.5",
        "normal(std=0)                | normal: parameter std must be finite and > 0, got 0",
        "glorot_normal(gain=Infinity) | glorot_normal: parameter gain must be finite and > 0, got Infinity",
        "truncated_normal(bound=0.4)  | truncated_normal: parameter bound must be finite and >= 0.5 (standard deviations), got 0.4",
        "uniform(low=1, high=1)       | uniform: high must be > low, got low=1.0 and high=1.0",
    })
    void initializerParametersOutsideTheirRangeAreClearErrors(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.initializers().create(spec));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sparse(fraction=0)", "sparse(fraction=1)", "truncated_normal(bound=0.5)"})
    void initializerParametersAtTheClosedEndsAreAccepted(String spec) {
        assertEquals(spec.substring(0, spec.indexOf('(')), Registries.PLUGINS.initializers().create(spec).name());
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad optimizer configurations say what is wrong. That every hyperparameter shows in the spec and specs round-trip is
 * part of the test kit's contract ({@link OptimizerContractTest}).
 */
class OptimizerConfigurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "adam(lr=-1)                    | adam: parameter lr must be > 0 and finite, got -1",
        "adamw(lr=0)                    | adamw: parameter lr must be > 0 and finite, got 0",
        "adam(beta1=1)                  | adam: parameter beta1 must lie in [0, 1), got 1",
        "nadam(beta2=-0.5)              | nadam: parameter beta2 must lie in [0, 1), got -0.5",
        "rmsprop(alpha=1.5)             | rmsprop: parameter alpha must lie in [0, 1), got 1.5",
        "adadelta(rho=1)                | adadelta: parameter rho must lie in [0, 1), got 1",
        "adagrad(eps=-1e-10)            | adagrad: parameter eps must be >= 0 and finite, got -1e-10",
        "radam(weight_decay=-0.1)       | radam: parameter weight_decay must be >= 0 and finite, got -0.1",
        "lion(lr=fast)                  | lion: parameter lr must be a number, got fast",
        "adam(amsgrad=yes)              | adam: parameter amsgrad must be true or false, got yes",
        "adabelief(decoupled_weight_decay=1) | adabelief: parameter decoupled_weight_decay must be true or false, got 1",
    })
    void badHyperparametersAreClearErrors(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.optimizers().create(spec));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"adam(betas=0.9) | betas", "adamw(decay=0.1) | decay"})
    void unknownHyperparametersListTheKnownOnes(String spec, String unknown) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.optimizers().create(spec));
        assertTrue(error.getMessage().contains("has no parameter " + unknown) && error.getMessage().contains("beta1"),
                error.getMessage());
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        "adam(lr=Infinity)              | adam: parameter lr must be > 0 and finite, got Infinity",
        "adagrad(eps=Infinity)          | adagrad: parameter eps must be >= 0 and finite, got Infinity",
        "sgd(dampening=1.5)             | sgd: parameter dampening must lie in [0, 1], got 1.5",
        "sgd(nesterov=true)             | sgd: nesterov needs momentum > 0 and dampening 0, got momentum 0.0 and dampening 0.0",
        "sgd(momentum=0.9, dampening=0.5, nesterov=true) | sgd: nesterov needs momentum > 0 and dampening 0, got momentum 0.9 and dampening 0.5",
    })
    void badHyperparametersAreClearErrors(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.optimizers().create(spec));
        assertEquals(message, error.getMessage());
    }

    /** The closed ends of the ranges above are allowed: 0 for decay rates, eps and momentum, 1 for dampening. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "adam(beta1=0, beta2=0, eps=0)                   | adam(lr=0.001, beta1=0.0, beta2=0.0, eps=0.0",
        "rmsprop(alpha=0, momentum=0, weight_decay=0)    | rmsprop(lr=0.01, alpha=0.0, eps=1.0E-8, weight_decay=0.0, momentum=0.0",
        "sgd(momentum=0.9, dampening=1)                  | sgd(lr=0.01, momentum=0.9, dampening=1.0",
        "sgd(momentum=0.5, nesterov=true)                | sgd(lr=0.01, momentum=0.5, dampening=0.0, nesterov=true",
    })
    void theClosedEndsOfTheRangesAreAccepted(String spec, String resolvedStart) {
        String resolved = Registries.PLUGINS.optimizers().create(spec).spec().toString();
        assertTrue(resolved.startsWith(resolvedStart), resolved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"adam(betas=0.9) | betas", "adamw(decay=0.1) | decay"})
    void unknownHyperparametersListTheKnownOnes(String spec, String unknown) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.optimizers().create(spec));
        assertTrue(error.getMessage().contains("has no parameter " + unknown) && error.getMessage().contains("beta1"),
                error.getMessage());
    }

    /** An optimizer without hyperparameters need not configure itself: its name alone gives the registered one. */
    @Test
    void anOptimizerWithoutHyperparametersIsItsOwnConfiguredInstance() {
        Optimizer fixedStep = new Optimizer() {
            @Override
            public String name() {
                return "fixed_step";
            }

            @Override
            public double learningRate() {
                return 0.1;
            }

            @Override
            public void update(Tensor parameter, Tensor gradient, OptimizerState state, double learningRate) {
            }
        };
        PluginRegistry<Optimizer> registry = PluginRegistry.of(Optimizer.class, List.of(fixedStep));
        assertSame(fixedStep, registry.create("fixed_step"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.create("fixed_step(lr=0.5)"));
        assertTrue(error.getMessage().endsWith("it takes no parameters"), error.getMessage());
    }
}

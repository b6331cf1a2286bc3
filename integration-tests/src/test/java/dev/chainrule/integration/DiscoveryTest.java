package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.integration.fixtures.SquareActivation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plugins are found through {@code META-INF/services} alone, and the registry is loud about mistakes. */
class DiscoveryTest {

    @Test
    void anActivationThatOnlyTheTestsRegisterIsFoundByName() {
        Activation activation = Registries.PLUGINS.activations().create(SquareActivation.NAME);
        assertTrue(activation instanceof SquareActivation);
        assertTrue(Registries.PLUGINS.activations().entry(SquareActivation.NAME).origin().contains("test-classes"));
    }

    @Test
    void everyBuiltInOfTheFoundationIsRegistered() {
        List<String> activations = Registries.PLUGINS.activations().names();
        assertTrue(activations.containsAll(List.of("identity", "sigmoid", "tanh", "relu", "softmax")), activations.toString());
        assertTrue(Registries.PLUGINS.losses().names().containsAll(
                List.of("half_squared_error", "mse", "binary_cross_entropy", "categorical_cross_entropy")));
        assertTrue(Registries.PLUGINS.optimizers().names().contains("sgd"));
        assertTrue(Registries.PLUGINS.backends().names().contains("plain"));
        assertEquals(List.of(), Registries.PLUGINS.failures());
    }

    @Test
    void anUnknownActivationListsTheValidNamesAndTheNearest() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Registries.PLUGINS.activations().create("sigmod"));
        assertTrue(error.getMessage().startsWith("unknown activation 'sigmod'; did you mean 'sigmoid'?; valid names: "),
                error.getMessage());
        for (String name : List.of("relu", "sigmoid", "softmax", "tanh", "linear", "swish")) {
            assertTrue(error.getMessage().contains(" " + name + ","), () -> name + " missing: " + error.getMessage());
        }
    }

    @Test
    void aSecondPluginWithATakenNameIsRejectedNamingBoth() {
        Activation builtIn = Registries.PLUGINS.activations().entry("tanh").plugin();
        Activation impostor = new dev.chainrule.core.activation.ScalarActivation() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            protected double phi(double x) {
                return x;
            }

            @Override
            protected double derivative(double x, double phiX) {
                return 1;
            }
        };
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PluginRegistry.of(Activation.class, List.of(builtIn, impostor)));
        assertTrue(error.getMessage().contains(builtIn.getClass().getName()), error.getMessage());
        assertTrue(error.getMessage().contains(impostor.getClass().getName()), error.getMessage());
        assertTrue(error.getMessage().contains("chainrule-activations") || error.getMessage().contains("activations"),
                error.getMessage());
    }
}

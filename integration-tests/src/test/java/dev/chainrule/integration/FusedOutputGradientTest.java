package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused output shortcut is the chain rule with the cancelling factors removed: wherever the generic path
 * ({@code loss.gradient} through {@code activation.backward}) is finite, the two agree; where the output saturates,
 * the fused path stays finite and equals {@code (a - y) / m}.
 */
class FusedOutputGradientTest {

    static Stream<Arguments> pairs() {
        return Backends.backends().flatMap(backend -> Stream.of(
                Arguments.of(backend, "sigmoid", "binary_cross_entropy"),
                Arguments.of(backend, "softmax", "categorical_cross_entropy")));
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @MethodSource("pairs")
    void fusedAndGenericAgreeAtModerateLogits(TensorBackend backend, String activationName, String lossName) {
        Activation activation = Registries.PLUGINS.activations().create(activationName);
        Loss loss = Registries.PLUGINS.losses().create(lossName);
        Tensor z = Points.uniform(backend, DType.FLOAT64, 5, 3, -6, 6, 31);
        Tensor y = Points.of(backend, DType.FLOAT64,
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}});
        Tensor a = activation.forward(z);
        Tensor generic = activation.backward(z, a, loss.gradient(a, y));
        Tensor fused = fused(loss, activation).gradient(z, a, y, z.newLike());
        Approx.assertClose(generic.toDoubleArray(), fused.toDoubleArray(), 1e-9,
                activationName + " + " + lossName);
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @MethodSource("pairs")
    void fusedStaysFiniteAndCorrectAtSaturatedLogits(TensorBackend backend, String activationName, String lossName) {
        Activation activation = Registries.PLUGINS.activations().create(activationName);
        Loss loss = Registries.PLUGINS.losses().create(lossName);
        // |z| = 40: sigmoid(-40) = 4.2e-18 and a softmax row of (40, -40, 0) put everything on the first class.
        Tensor z = Points.of(backend, DType.FLOAT64, new double[][] {{40, -40, 0}, {-40, 40, 0}});
        Tensor y = Points.of(backend, DType.FLOAT64, new double[][] {{0, 1, 0}, {0, 1, 0}});
        Tensor a = activation.forward(z);
        double[] fused = fused(loss, activation).gradient(z, a, y, z.newLike()).toDoubleArray();
        double[] probabilities = a.toDoubleArray();
        double[] targets = y.toDoubleArray();
        for (int i = 0; i < fused.length; i++) {
            assertTrue(Double.isFinite(fused[i]), "fused gradient " + i + " is " + fused[i]);
            assertEquals((probabilities[i] - targets[i]) / 2, fused[i], 1e-15, "element " + i);
        }
        // A confidently wrong output gives the largest possible push, -1/m, towards the right class.
        assertEquals(-0.5, fused[1], 1e-12);
    }

    /**
     * Each documented shortcut is offered after its own output activation and after no other: a shortcut that went
     * missing would leave training on the generic path, which is slower and saturates.
     */
    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
        "mse, identity, sigmoid",
        "half_squared_error, identity, tanh",
        "negative_log_likelihood, log_softmax, softmax",
        "binary_cross_entropy, sigmoid, identity",
        "categorical_cross_entropy, softmax, log_softmax",
        "sparse_categorical_cross_entropy, softmax, sigmoid",
    })
    void eachShortcutIsOfferedAfterItsOwnActivationOnly(String lossName, String own, String other) {
        Loss loss = Registries.PLUGINS.losses().create(lossName);
        fused(loss, Registries.PLUGINS.activations().create(own));
        assertTrue(loss.fusedGradient(Registries.PLUGINS.activations().create(other)).isEmpty(),
                lossName + " offers a shortcut after " + other);
    }

    private static FusedOutputGradient fused(Loss loss, Activation activation) {
        Optional<FusedOutputGradient> fused = loss.fusedGradient(activation);
        assertTrue(fused.isPresent(), loss.name() + " offers no fused gradient after " + activation.name());
        return fused.get();
    }
}

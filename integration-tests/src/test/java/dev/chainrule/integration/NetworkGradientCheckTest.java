package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full gradient of a network whose hidden layers use tanh, sigmoid and ReLU matches central finite differences on
 * every weight and bias: backpropagation applies each layer's own derivative correctly.
 */
class NetworkGradientCheckTest {

    static Stream<Arguments> cases() {
        return Backends.backends().flatMap(backend -> Stream.of(
                Arguments.of(backend, "identity", "half_squared_error", false),
                Arguments.of(backend, "softmax", "categorical_cross_entropy", false),
                Arguments.of(backend, "softmax", "categorical_cross_entropy", true)));
    }

    @ParameterizedTest(name = "{0}: {1} output, {2}, fused {3}")
    @MethodSource("cases")
    void everyWeightAndBiasMatchesFiniteDifferences(TensorBackend backend, String output, String lossName,
            boolean fused) {
        Network network = Networks.mixed(backend, output, 5);
        // Larger inputs than the initial weights' scale keep the ReLU units active in the batch.
        Tensor x = Points.uniform(backend, DType.FLOAT64, 6, 4, -2, 2, 21);
        Tensor y = lossName.equals("half_squared_error")
                ? Points.uniform(backend, DType.FLOAT64, 6, 2, -1, 1, 22)
                : Points.of(backend, DType.FLOAT64, new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}});
        Loss loss = Registries.PLUGINS.losses().create(lossName);

        List<GradientCheckResult> results = GradientChecker.check(network, loss, x, y, fused);

        assertEquals(network.parameters().size(), results.size());
        for (GradientCheckResult result : results) {
            result.requireWithin(1e-6);
        }
        // The check means something only if the error reaches every layer through the ReLU units.
        Backpropagation backpropagation = new Backpropagation(network, loss, fused);
        backpropagation.computeGradients(x, y);
        for (int p = 0; p < results.size(); p++) {
            double[] gradient = backpropagation.gradients().get(p).toDoubleArray();
            assertTrue(Arrays.stream(gradient).anyMatch(value -> value != 0), results.get(p).subject() + " is all zero");
        }
    }
}

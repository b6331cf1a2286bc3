package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** L1 and L2 penalties are part of the loss: their value, their derivative, and which parameters they reach. */
class RegularizationTest {

    private static final Loss LOSS = Registries.PLUGINS.losses().create("categorical_cross_entropy");

    static Stream<Arguments> penalties() {
        return Backends.backends().flatMap(backend -> Stream.of(
                Arguments.of(backend, "l1 and l2 on every layer", Regularization.of(new Penalty(0.01, 0.05)), true),
                Arguments.of(backend, "strong, per layer", Regularization.of(new Penalty(0.5, 1.0))
                        .withLayer(2, Penalty.l1(0.2)).withLayer(3, Penalty.NONE), false),
                Arguments.of(backend, "weights and biases", Regularization.of(new Penalty(0.1, 0.3))
                        .withKinds(EnumSet.of(Parameter.Kind.WEIGHT, Parameter.Kind.BIAS)), true)));
    }

    @ParameterizedTest(name = "{0}: {1}, fused {3}")
    @MethodSource("penalties")
    void theRegularizedObjectivePassesTheGradientCheck(TensorBackend backend, String label,
            Regularization regularization, boolean fused) {
        Network network = Networks.mixed(backend, "softmax", 5);
        Tensor x = Points.uniform(backend, DType.FLOAT64, 6, 4, -2, 2, 21);
        Tensor y = Points.of(backend, DType.FLOAT64, new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}});

        List<GradientCheckResult> results = GradientChecker.check(network, LOSS, regularization, x, y, fused);

        assertEquals(network.parameters().size(), results.size());
        for (GradientCheckResult result : results) {
            result.requireWithin(1e-6);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void thePenaltyAndItsDerivativeWorkedByHand(TensorBackend backend, DType dtype) {
        Tensor weights = Points.of(backend, dtype, new double[][] {{1, -2}, {0.5, 0}});
        Tensor gradient = Points.of(backend, dtype, new double[][] {{1, 1}, {1, 1}});
        Penalty penalty = new Penalty(0.1, 0.2);
        // 0.1 * (1 + 2 + 0.5 + 0) + 0.2 / 2 * (1 + 4 + 0.25 + 0) = 0.35 + 0.525 = 0.875
        assertEquals(0.875, penalty.value(weights, weights.newLike()), 1e-6);
        // g + 0.1 * sign(w) + 0.2 * w = 1 + [0.1 + 0.2, -0.1 - 0.4, 0.1 + 0.1, 0 + 0] = [1.3, 0.5, 1.2, 1]
        penalty.addGradient(weights, gradient, weights.newLike());
        assertArrayEquals(new double[] {1.3, 0.5, 1.2, 1}, gradient.toDoubleArray(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void byDefaultOnlyWeightsArePenalisedAndEachLayerByItsOwnPenalty(TensorBackend backend) {
        Network network = Networks.mixed(backend, "softmax", 5);
        Regularization regularization = Regularization.of(Penalty.NONE).withLayer(2, Penalty.l2(0.1));
        Gradients gradients = gradients(network, backend);
        double[][] before = values(gradients);

        double penalty = regularization.apply(network, gradients);

        Tensor layer2 = network.layers().get(1).parameters().get(0).value();
        double sumOfSquares = layer2.map(dev.chainrule.core.tensor.UnaryOp.SQUARE).sum();
        assertEquals(0.05 * sumOfSquares, penalty, 1e-15);
        assertEquals(penalty, regularization.value(network), 1e-15);
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            double[] after = gradients.get(p).toDoubleArray();
            if (parameters.get(p).value() == layer2) {
                double[] w = layer2.toDoubleArray();
                for (int i = 0; i < w.length; i++) {
                    assertEquals(before[p][i] + 0.1 * w[i], after[i], 1e-15);
                }
            } else {
                assertArrayEquals(before[p], after, parameters.get(p).name() + " is not penalised");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void activationParametersAreNotPenalisedByDefault(TensorBackend backend) {
        Network network = Networks.builder(backend, 4).dense(5, "prelu").dense(2, "softmax").dtype(DType.FLOAT64)
                .seed(3).build();
        List<Parameter> parameters = network.parameters();
        assertEquals(List.of(Parameter.Kind.WEIGHT, Parameter.Kind.BIAS, Parameter.Kind.OTHER, Parameter.Kind.WEIGHT,
                Parameter.Kind.BIAS), parameters.stream().map(Parameter::kind).toList());
        Gradients gradients = gradients(network, backend);
        double[][] before = values(gradients);

        Regularization.of(new Penalty(0.1, 0.1)).apply(network, gradients);

        for (int p = 0; p < parameters.size(); p++) {
            boolean changed = !java.util.Arrays.equals(before[p], gradients.get(p).toDoubleArray());
            assertEquals(parameters.get(p).kind() == Parameter.Kind.WEIGHT, changed, parameters.get(p).name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void noRegularizationChangesNothing(TensorBackend backend) {
        Network network = Networks.mixed(backend, "softmax", 5);
        Gradients gradients = gradients(network, backend);
        double[][] before = values(gradients);
        assertEquals(0, Regularization.none().apply(network, gradients));
        assertArrayEquals(before, values(gradients));
    }

    @org.junit.jupiter.api.Test
    void penaltiesMustBeNonNegative() {
        assertEquals("l1 must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Penalty(-1, 0)).getMessage());
        assertEquals("l2 must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Penalty.l2(Double.NaN)).getMessage());
        assertEquals("layers are numbered from 1, got a penalty for layer 0", assertThrows(IllegalArgumentException.class,
                () -> Regularization.none().withLayer(0, Penalty.l1(1))).getMessage());
        assertFalse(Regularization.of(Penalty.l1(0.1)).isNone());
    }

    @ParameterizedTest(name = "l1 {0}, l2 {1}")
    @CsvSource(delimiter = '|', value = {
        "Infinity | 0        | l1 must be finite and >= 0, got Infinity",
        "0        | Infinity | l2 must be finite and >= 0, got Infinity",
        "0        | -0.5     | l2 must be finite and >= 0, got -0.5",
    })
    void penaltiesMustBeFinite(double l1, double l2, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new Penalty(l1, l2)).getMessage());
    }

    @Test
    void aPenaltyOrRegularizationIsNoneOnlyWhenNothingIsPenalised() {
        assertTrue(Penalty.NONE.isNone());
        assertFalse(Penalty.l1(0.1).isNone());
        assertFalse(Penalty.l2(0.1).isNone());
        assertEquals("l1=0.1, l2=0.0", Penalty.l1(0.1).toString());

        Regularization onLayerTwo = Regularization.none().withLayer(1, Penalty.NONE).withLayer(2, Penalty.l2(0.5));
        assertFalse(onLayerTwo.isNone());
        assertEquals(Penalty.l2(0.5), onLayerTwo.penaltyOf(2));
        assertEquals(Penalty.NONE, onLayerTwo.penaltyOf(3));
        assertEquals("every layer l1=0.0, l2=0.0, layers {1=l1=0.0, l2=0.0, 2=l1=0.0, l2=0.5}, on [WEIGHT]",
                onLayerTwo.toString());
        assertEquals("every layer l1=0.1, l2=0.0, on [WEIGHT, BIAS]",
                Regularization.of(Penalty.l1(0.1)).withKinds(EnumSet.of(Parameter.Kind.BIAS, Parameter.Kind.WEIGHT))
                        .toString());

        Regularization onNothing = Regularization.of(Penalty.l1(0.1)).withKinds(Set.of());
        assertTrue(onNothing.isNone());
        assertEquals(Set.of(), onNothing.kinds());
        assertEquals("none", onNothing.toString());
        assertEquals("none", Regularization.none().toString());
    }

    private static Gradients gradients(Network network, TensorBackend backend) {
        Backpropagation backpropagation = new Backpropagation(network, LOSS, true);
        backpropagation.computeGradients(Points.uniform(backend, DType.FLOAT64, 6, 4, -2, 2, 21),
                Points.of(backend, DType.FLOAT64, new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {0, 1}}));
        return backpropagation.gradients();
    }

    private static double[][] values(Gradients gradients) {
        double[][] values = new double[gradients.size()][];
        for (int p = 0; p < gradients.size(); p++) {
            values[p] = gradients.get(p).toDoubleArray();
        }
        return values;
    }
}

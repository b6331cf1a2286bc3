package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each built-in layer does, in numbers worked out here, and what it says about bad input. */
class LayerBehaviourTest {

    private static NetworkBuilder builder(TensorBackend backend, int inputs) {
        return Registries.networkBuilder(backend, FeatureShape.flat(inputs)).dtype(DType.FLOAT64);
    }

    private static double[] pass(Network network, Tensor x, ForwardContext context) {
        Tensor out = x.newLike(new Shape(x.rows(), network.outputs()));
        return network.forward(x, out, context, network.forwardBuffers(x.rows())).toDoubleArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void dropoutKeepsTheRestScaledInTrainingAndIsTheIdentityInInference(TensorBackend backend) {
        Network network = builder(backend, 500).layer("dropout(0.2)").build();
        assertEquals("dropout(rate=0.2)", network.layers().get(0).spec().toString());
        Tensor x = Points.uniform(backend, DType.FLOAT64, 40, 500, 1, 2, 1);
        double[] in = x.toDoubleArray();
        double[] out = pass(network, x, ForwardContext.training(4));
        int kept = 0;
        for (int i = 0; i < in.length; i++) {
            if (out[i] != 0) {
                kept++;
                assertEquals(in[i] / 0.8, out[i], 1e-12);
            }
        }
        double share = (double) kept / in.length;
        assertTrue(Math.abs(share - 0.8) < 0.01, "kept " + share);
        assertArrayEquals(in, pass(network, x, ForwardContext.inference()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void alphaDropoutKeepsZeroMeanAndUnitVariance(TensorBackend backend) {
        Network network = builder(backend, 400).layer("alpha_dropout(rate=0.3)").build();
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        double[] normal = new double[40_000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = dev.chainrule.core.initializer.Gaussian.next(random);
        }
        Tensor x = backend.fromArray(DType.FLOAT64, new Shape(100, 400), normal);
        double[] in = x.toDoubleArray();
        double[] out = pass(network, x, ForwardContext.training(8));
        double inMean = Arrays.stream(in).average().orElseThrow();
        double outMean = Arrays.stream(out).average().orElseThrow();
        double inVariance = Arrays.stream(in).map(v -> (v - inMean) * (v - inMean)).average().orElseThrow();
        double outVariance = Arrays.stream(out).map(v -> (v - outMean) * (v - outMean)).average().orElseThrow();
        assertEquals(inMean, outMean, 0.03);
        assertEquals(inVariance, outVariance, 0.05 * inVariance);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void batchNormUsesTheBatchInTrainingAndItsRunningStatisticsInInference(TensorBackend backend) {
        Network network = builder(backend, 2).layer("batch_norm(momentum=0.5, eps=1e-12)").build();
        Tensor x = Points.of(backend, DType.FLOAT64, new double[][] {{1, 10}, {3, 10}, {5, 16}});
        // column 0: mean 3, biased variance 8/3; column 1: mean 12, biased variance 8
        double[] training = pass(network, x, ForwardContext.training(1));
        double s0 = Math.sqrt(8.0 / 3);
        double s1 = Math.sqrt(8.0);
        assertArrayEquals(new double[] {-2 / s0, -2 / s1, 0, -2 / s1, 2 / s0, 4 / s1}, training, 1e-12);
        // running mean 0.5 * 0 + 0.5 * mean; running variance 0.5 * 1 + 0.5 * unbiased variance (4 and 12)
        assertArrayEquals(new double[] {1.5, 6}, network.state().get(0).value().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {2.5, 6.5}, network.state().get(1).value().toDoubleArray(), 1e-12);
        double[] inference = pass(network, x, ForwardContext.inference());
        assertArrayEquals(new double[] {-0.5 / Math.sqrt(2.5), 4 / Math.sqrt(6.5), 1.5 / Math.sqrt(2.5),
            4 / Math.sqrt(6.5), 3.5 / Math.sqrt(2.5), 10 / Math.sqrt(6.5)}, inference, 1e-12);
        assertArrayEquals(new double[] {1.5, 6}, network.state().get(0).value().toDoubleArray(), 1e-12,
                "an inference pass leaves the running statistics alone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void layerNormNormalisesEachRow(TensorBackend backend) {
        Network network = builder(backend, 4).layer("layer_norm(eps=1e-12)").build();
        Tensor x = Points.of(backend, DType.FLOAT64, new double[][] {{1, 2, 3, 4}, {-2, 0, 0, 2}});
        double s0 = Math.sqrt(1.25);
        double s1 = Math.sqrt(2);
        assertArrayEquals(new double[] {-1.5 / s0, -0.5 / s0, 0.5 / s0, 1.5 / s0, -2 / s1, 0, 0, 2 / s1},
                pass(network, x, ForwardContext.inference()), 1e-12);
    }

    @Test
    void badLayersAreClearErrors() {
        TensorBackend backend = Backends.reference();
        assertTrue(message(() -> builder(backend, 3).layer("dropout(rate=1.5)")).contains(
                "dropout: parameter rate must be in [0, 1), got 1.5"));
        assertTrue(message(() -> builder(backend, 3).layer("dropuot")).contains("did you mean"));
        assertTrue(message(() -> builder(backend, 3).layer("dense(activation=relu)").build())
                .contains("layer 1 (dense(activation=relu)) cannot take 3 inputs: a dense layer needs its number of "
                        + "units"));
        assertTrue(message(() -> builder(backend, 3).layer("batch_norm(rate=2)")).contains(
                "has no parameter rate; its parameters are {momentum=0.1, eps=1.0E-5}"));
        assertTrue(message(() -> builder(backend, 3).dense(2, "relu", "orthogonl").build()).contains(
                "unknown initializer 'orthogonl'"));
        assertTrue(message(() -> builder(backend, 3).layer("activation(function=rleu)").build()).contains(
                "layer 1 (activation(function=rleu)): unknown activation 'rleu'"));
    }

    @Test
    void theNetworkInitializerAppliesWhereALayerNamesNone() {
        TensorBackend backend = Backends.reference();
        Network network = builder(backend, 3).dense(3, "relu").dense(3, "tanh", "zeros").initializer("identity")
                .build();
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, network.parameters().get(0).value()
                .toDoubleArray());
        assertArrayEquals(new double[9], network.parameters().get(2).value().toDoubleArray());
    }

    private static String message(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }
}

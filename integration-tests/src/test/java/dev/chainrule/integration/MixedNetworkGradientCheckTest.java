package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.testkit.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole network's gradient against finite differences, for a network that mixes dense layers with different
 * activations, batch and layer normalisation and dropout (in a training pass whose every evaluation draws the same
 * mask): each layer's own backward, chained by the trainer, gives the derivative of the loss.
 */
class MixedNetworkGradientCheckTest {

    static Network network(TensorBackend backend) {
        return Registries.networkBuilder(backend, FeatureShape.flat(4))
                .dense(5, "tanh").layer("batch_norm").layer("dropout(rate=0.3)")
                .dense(4, "sigmoid", "orthogonal").layer("layer_norm").layer("alpha_dropout(rate=0.2)")
                .dense(4, "elu").layer("gaussian_dropout(rate=0.2)").layer("activation(function=softplus)")
                .dense(3, "softmax").dtype(DType.FLOAT64).seed(21).build();
    }

    static Tensor inputs(TensorBackend backend) {
        return Points.uniform(backend, DType.FLOAT64, 8, 4, -2, 2, 3);
    }

    static Tensor targets(TensorBackend backend) {
        return Points.of(backend, DType.FLOAT64, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0},
            {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
    }

    /**
     * On the reference backend both output paths; on the others the fused one (the path training takes), since the
     * paths agree on every backend ({@link #theFusedAndGenericOutputPathsAgree}) and a native backend's per-operation
     * cost makes the hundreds of passes of a check slow.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void everyParameterMatchesFiniteDifferences(TensorBackend backend) {
        Network network = network(backend);
        Loss loss = Registries.PLUGINS.losses().create("categorical_cross_entropy");
        Tensor x = inputs(backend);
        Tensor y = targets(backend);
        boolean[] paths = backend.name().equals("plain") ? new boolean[] {false, true} : new boolean[] {true};
        for (boolean fused : paths) {
            for (GradientCheckResult result : GradientChecker.check(network, loss, x, y, fused)) {
                assertTrue(result.passes(1e-6), () -> (fused ? "fused: " : "generic: ") + result.describe());
                assertTrue(result.checked() > 0, result.subject());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void theFusedAndGenericOutputPathsAgree(TensorBackend backend) {
        Network network = network(backend);
        Loss loss = Registries.PLUGINS.losses().create("categorical_cross_entropy");
        Tensor x = inputs(backend);
        Tensor y = targets(backend);
        Backpropagation generic = new Backpropagation(network, loss, false);
        Backpropagation fused = new Backpropagation(network, loss, true);
        assertTrue(fused.usesFusedOutputGradient());
        generic.computeGradients(x, y, ForwardContext.training(9));
        fused.computeGradients(x, y, ForwardContext.training(9));
        for (int p = 0; p < generic.gradients().size(); p++) {
            double[] a = generic.gradients().get(p).toDoubleArray();
            double[] b = fused.gradients().get(p).toDoubleArray();
            for (int i = 0; i < a.length; i++) {
                assertTrue(Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(1, Math.abs(a[i])),
                        generic.gradients().parameters().get(p).name() + "[" + i + "]: " + a[i] + " vs " + b[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void plainAndThisBackendComputeTheSameGradients(TensorBackend backend) {
        Loss loss = Registries.PLUGINS.losses().create("categorical_cross_entropy");
        double[][] gradients = new double[2][];
        TensorBackend[] backends = {Registries.backend("plain"), backend};
        for (int b = 0; b < 2; b++) {
            Network network = network(backends[b]);
            Tensor x = inputs(backends[b]);
            Tensor y = targets(backends[b]);
            Backpropagation backpropagation = new Backpropagation(network, loss, true);
            backpropagation.computeGradients(x, y, ForwardContext.training(9));
            gradients[b] = backpropagation.gradients().get(0).toDoubleArray();
        }
        assertArrayEquals(gradients[0], gradients[1], 1e-12);
    }
}

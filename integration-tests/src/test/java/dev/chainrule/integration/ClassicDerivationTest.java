package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Backpropagation;
import dev.chainrule.core.training.Gradients;
import dev.chainrule.core.training.Trace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classic textbook derivation, worked by hand: a 2-2-2 network of sigmoid units with known weights, inputs
 * (0.05, 0.10), targets (0.01, 0.99) and the loss E = 1/2 sum (a - y)^2.
 *
 * <pre>
 * hidden:  z_h1 = 0.15*0.05 + 0.20*0.10 + 0.35 = 0.3775        a_h1 = sigmoid(0.3775)    = 0.593269992
 *          z_h2 = 0.25*0.05 + 0.30*0.10 + 0.35 = 0.3925        a_h2 = sigmoid(0.3925)    = 0.596884378
 * output:  z_o1 = 0.40*a_h1 + 0.45*a_h2 + 0.60 = 1.105905967   a_o1 = sigmoid(1.1059060) = 0.751365070
 *          z_o2 = 0.50*a_h1 + 0.55*a_h2 + 0.60 = 1.224921404   a_o2 = sigmoid(1.2249214) = 0.772928465
 * error:   E = 1/2 (0.751365070 - 0.01)^2 + 1/2 (0.772928465 - 0.99)^2 = 0.274811083 + 0.023560026 = 0.298371109
 * output error (a - y) * phi'(z), with phi' = phi (1 - phi):
 *          delta_o1 = (0.751365070 - 0.01) * 0.751365070 * (1 - 0.751365070) = 0.741365070 * 0.186815602 = 0.138498562
 *          delta_o2 = (0.772928465 - 0.99) * 0.772928465 * (1 - 0.772928465) = -0.217071535 * 0.175510053 = -0.038098236
 * dE/dw_ij = o_i * delta_j:
 *          dE/dw(h1 -> o1) = a_h1 * delta_o1 = 0.593269992 * 0.138498562 = 0.082167041
 *          dE/dw(h2 -> o2) = a_h2 * delta_o2 = 0.596884378 * -0.038098236 = -0.022740242
 * hidden error, the chain rule one layer further back:
 *          delta_h1 = (0.40 * delta_o1 + 0.50 * delta_o2) * a_h1 (1 - a_h1) = 0.036350306 * 0.241300709 = 0.008771354
 *          dE/dw(x1 -> h1) = 0.05 * delta_h1 = 0.000438568
 * </pre>
 */
class ClassicDerivationTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void backpropagationReproducesTheHandWorkedNumbers(TensorBackend backend) {
        Activation sigmoid = Registries.PLUGINS.activations().create("sigmoid");
        Network network = Network.of(List.of(
                layer(backend, 1, sigmoid, new double[] {0.15, 0.25, 0.20, 0.30}, 0.35),
                layer(backend, 2, sigmoid, new double[] {0.40, 0.50, 0.45, 0.55}, 0.60)));
        Tensor x = backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[] {0.05, 0.10});
        Tensor y = backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[] {0.01, 0.99});
        Backpropagation backpropagation = new Backpropagation(network,
                Registries.PLUGINS.losses().create("half_squared_error"), true);

        Trace trace = backpropagation.forward(x);
        assertEquals(0.593269992, trace.activation(1).get(0, 0), TOLERANCE);
        assertEquals(0.596884378, trace.activation(1).get(0, 1), TOLERANCE);
        assertEquals(0.751365070, trace.activation(2).get(0, 0), TOLERANCE);
        assertEquals(0.772928465, trace.activation(2).get(0, 1), TOLERANCE);
        assertEquals(0.298371109, backpropagation.loss(trace, y), TOLERANCE);

        Gradients gradients = backpropagation.backward(trace, y);
        // The output error is (a - y) * phi'(z) with the sigmoid's phi' = phi (1 - phi).
        double a = trace.activation(2).get(0, 0);
        assertEquals((a - 0.01) * a * (1 - a), trace.delta(2).get(0, 0), 1e-15);
        assertEquals(0.138498562, trace.delta(2).get(0, 0), TOLERANCE);
        assertEquals(-0.038098236, trace.delta(2).get(0, 1), TOLERANCE);
        // dE/dw_ij = o_i * delta_j.
        Tensor outputWeights = gradients.get(2);
        assertEquals(0.082167041, outputWeights.get(0, 0), TOLERANCE);
        assertEquals(-0.022740242, outputWeights.get(1, 1), TOLERANCE);
        assertEquals(trace.activation(1).get(0, 1) * trace.delta(2).get(0, 0), outputWeights.get(1, 0), 1e-15);
        assertEquals(0.008771354, trace.delta(1).get(0, 0), TOLERANCE);
        assertEquals(0.000438568, gradients.get(0).get(0, 0), TOLERANCE);
    }

    /** Weights row-major: row i is input i, column j is unit j, so {w1, w3, w2, w4} in the derivation's names. */
    private static DenseLayer layer(TensorBackend backend, int index, Activation activation, double[] rowMajor,
            double bias) {
        return new DenseLayer(index, activation,
                backend.fromArray(DType.FLOAT64, new Shape(2, 2), rowMajor),
                backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[] {bias, bias}));
    }
}

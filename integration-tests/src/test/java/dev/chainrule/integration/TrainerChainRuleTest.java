package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.testkit.Backends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Observes the trainer through Mockito spies on real activations: every batch, it calls each layer's own
 * {@code backward} once, with that layer's own pre-activation, from the last layer to the first.
 */
class TrainerChainRuleTest {

    private final TensorBackend backend = Backends.reference();

    @Test
    void eachLayersOwnDerivativeIsAppliedOncePerBatchFromLastToFirst() {
        Activation tanh = spy(Registries.PLUGINS.activations().create("tanh"));
        Activation sigmoid = spy(Registries.PLUGINS.activations().create("sigmoid"));
        Activation relu = spy(Registries.PLUGINS.activations().create("relu"));
        Activation identity = spy(Registries.PLUGINS.activations().create("identity"));
        Network network = Networks.builder(backend, 3).dense(4, tanh).dense(4, sigmoid).dense(4, relu).dense(2, identity)
                .dtype(DType.FLOAT64).seed(9).build();
        List<List<double[]>> seenPreActivations = List.of(record(tanh), record(sigmoid), record(relu), record(identity));
        Dataset data = Dataset.of(
                new double[][] {{0.5, -1, 2}, {1, 0.2, -0.3}, {-0.7, 0.4, 1.1}, {0.9, -0.8, 0.1}},
                new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}, {0, 0}});
        double[][] expectedPreActivations = preActivations(network, data);

        // Fusing off: half_squared_error offers a fused dE/dz after an identity output, which would stand in for the
        // output layer's backward call; this test observes the generic chain rule.
        new Trainer().fit(network, data, TrainingConfig.builder(Registries.PLUGINS.losses().create("half_squared_error"),
                Registries.PLUGINS.optimizers().create("sgd(lr=0.1)")).epochs(1).batchSize(4).shuffle(false)
                .fusedOutputGradient(false).build());

        InOrder order = inOrder(identity, relu, sigmoid, tanh);
        order.verify(identity).backward(any(), any(), any(), any());
        order.verify(relu).backward(any(), any(), any(), any());
        order.verify(sigmoid).backward(any(), any(), any(), any());
        order.verify(tanh).backward(any(), any(), any(), any());
        for (Activation activation : List.of(tanh, sigmoid, relu, identity)) {
            verify(activation, times(1)).backward(any(), any(), any(), any());
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(1, seenPreActivations.get(k).size());
            assertArrayEquals(expectedPreActivations[k], seenPreActivations.get(k).get(0), 1e-12,
                    "layer " + (k + 1) + " got another layer's pre-activation");
        }
    }

    @Test
    void twoBatchesMeanTwoBackwardCallsPerLayer() {
        Activation tanh = spy(Registries.PLUGINS.activations().create("tanh"));
        Activation sigmoid = spy(Registries.PLUGINS.activations().create("sigmoid"));
        Network network = Networks.builder(backend, 1).dense(3, tanh).dense(1, sigmoid).seed(2).build();
        Dataset data = Dataset.of(new double[][] {{0}, {1}, {2}}, new double[][] {{0}, {1}, {1}});

        new Trainer().fit(network, data, TrainingConfig.builder(Registries.PLUGINS.losses().create("mse"),
                Registries.PLUGINS.optimizers().create("sgd")).epochs(1).batchSize(2).build());

        verify(tanh, times(2)).backward(any(), any(), any(), any());
        verify(sigmoid, times(2)).backward(any(), any(), any(), any());
    }

    /** Records the z that each backward call receives (a copy: the trainer reuses its buffers). */
    private static List<double[]> record(Activation activation) {
        List<double[]> seen = new ArrayList<>();
        doAnswer(call -> {
            seen.add(((Tensor) call.getArgument(0)).toDoubleArray());
            return call.callRealMethod();
        }).when(activation).backward(any(), any(), any(), any());
        return seen;
    }

    /** Each layer's z for the whole data set, computed layer by layer here, before training changes the weights. */
    private double[][] preActivations(Network network, Dataset data) {
        double[][] result = new double[network.layers().size()][];
        Tensor a = backend.fromArray(DType.FLOAT64, new dev.chainrule.core.tensor.Shape(data.size(), data.featureCount()),
                data.features());
        for (int k = 0; k < network.layers().size(); k++) {
            var layer = (dev.chainrule.core.network.DenseLayer) network.layers().get(k);
            Tensor z = a.matmul(layer.weights()).add(layer.bias());
            result[k] = z.toDoubleArray();
            a = layer.activation().forward(z);
        }
        return result;
    }
}

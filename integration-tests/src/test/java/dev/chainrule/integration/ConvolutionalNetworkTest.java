package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutional networks as a whole: the loss's gradient with respect to every parameter of a small CNN against
 * finite differences on every backend (each layer's own backward, chained by the trainer); float32 backward passes of
 * every convolution and pooling case agreeing with float64 ones (whose finite-difference checks the layer contract
 * makes); and the plain and nd4j backends computing the same network alike.
 */
class ConvolutionalNetworkTest {

    /** Two small CNNs on 2x6x6 examples: one ending in flatten, one in global average pooling. */
    static final List<String> NETWORKS = List.of(
            "conv2d(3, 3, padding=same, activation=tanh), max_pool2d(2), conv2d(4, 2, padding=1, activation=elu), "
                    + "avg_pool2d(kernel=2, stride=1), conv2d(2, 1, activation=sigmoid), flatten",
            "conv2d(3, 3, stride=2, padding=same, dilation=2, activation=softplus), "
                    + "max_pool2d(kernel=3, stride=1, padding=1), conv2d(4, 1, activation=tanh), global_avg_pool2d");

    private static final FeatureShape INPUT = new FeatureShape(2, 6, 6);

    static Network network(TensorBackend backend, String layers, DType dtype) {
        var builder = Registries.networkBuilder(backend, INPUT);
        for (String spec : splitTopLevel(layers)) {
            builder.layer(spec);
        }
        return builder.dense(3, "softmax").dtype(dtype).seed(5).build();
    }

    static Stream<Arguments> networksOnBackends() {
        return Backends.backends().flatMap(backend -> NETWORKS.stream().map(layers -> Arguments.of(backend, layers)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("networksOnBackends")
    void everyParameterOfACnnMatchesFiniteDifferences(TensorBackend backend, String layers) {
        Network network = network(backend, layers, DType.FLOAT64);
        Loss loss = Registries.PLUGINS.losses().create("categorical_cross_entropy");
        Tensor x = Points.uniform(backend, DType.FLOAT64, 4, INPUT.size(), -2, 2, 3);
        Tensor y = Points.of(backend, DType.FLOAT64, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}});
        List<GradientCheckResult> results = GradientChecker.check(network, loss, x, y, true);
        assertEquals(network.parameters().size(), results.size());
        for (GradientCheckResult result : results) {
            assertTrue(result.passes(1e-6), result::describe);
            assertTrue(result.checked() > 0, result.subject());
        }
    }

    static Stream<Arguments> imageCasesOnBackends() {
        return Backends.backends().flatMap(backend -> LayerContractTest.IMAGE_CASES.keySet().stream().sorted()
                .map(spec -> Arguments.of(backend, spec)));
    }

    /** The same layer, parameters, input and upstream gradient in both dtypes give the same gradients. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("imageCasesOnBackends")
    void float32BackwardAgreesWithFloat64(TensorBackend backend, String spec) {
        FeatureShape input = LayerContractTest.IMAGE_CASES.get(spec);
        List<double[]> wide = gradients(backend, spec, input, DType.FLOAT64);
        List<double[]> narrow = gradients(backend, spec, input, DType.FLOAT32);
        for (int i = 0; i < wide.size(); i++) {
            Approx.assertClose(wide.get(i), narrow.get(i), 1e-4, spec + ": gradient " + i + " in float32");
        }
    }

    private static List<double[]> gradients(TensorBackend backend, String spec, FeatureShape input, DType dtype) {
        Layer layer = Registries.PLUGINS.layers().create(spec).bind(new LayerBinding(1, input, backend, dtype,
                Registries.PLUGINS.activations()::create, Optional.of(Registries.PLUGINS.initializers()::create),
                Optional.empty(), new SplittableRandom(4)));
        Tensor x = Points.uniform(backend, dtype, 3, input.size(), -1, 1, 8);
        int outputs = layer.outputShape(input).size();
        Tensor out = x.newLike(new dev.chainrule.core.tensor.Shape(3, outputs));
        Tensor upstream = Points.uniform(backend, dtype, 3, outputs, -1, 1, 9);
        LayerMemory memory = new LayerMemory(backend, dtype, 3);
        memory.beginPass(ForwardContext.inference());
        layer.forward(x, out, ForwardContext.inference(), memory);
        Tensor gradInput = x.newLike();
        List<Tensor> parameterGradients = layer.parameters().stream().map(Parameter::value).map(Tensor::newLike)
                .toList();
        layer.backward(x, out, upstream, Optional.of(gradInput), parameterGradients, memory);
        List<double[]> all = new ArrayList<>();
        all.add(out.toDoubleArray());
        all.add(gradInput.toDoubleArray());
        parameterGradients.forEach(gradient -> all.add(gradient.toDoubleArray()));
        return all;
    }

    /** Plain and nd4j predict the same CNN alike, from the same seed. */
    @Test
    void theBackendsAgreeOnACnn() {
        List<TensorBackend> backends = Backends.backends().toList();
        double[] reference = null;
        for (TensorBackend backend : backends) {
            Network network = network(backend, NETWORKS.get(0), DType.FLOAT64);
            double[] predictions = network.predict(Points.uniform(backend, DType.FLOAT64, 5, INPUT.size(), -1, 1, 2))
                    .toDoubleArray();
            if (reference == null) {
                reference = predictions;
            } else {
                Approx.assertClose(reference, predictions, 1e-12, backend.name() + " against " + backends.get(0));
            }
        }
    }

    private static List<String> splitTopLevel(String layers) {
        List<String> specs = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < layers.length(); i++) {
            char c = layers.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                specs.add(layers.substring(start, i).trim());
                start = i + 1;
            }
        }
        specs.add(layers.substring(start).trim());
        return specs;
    }
}

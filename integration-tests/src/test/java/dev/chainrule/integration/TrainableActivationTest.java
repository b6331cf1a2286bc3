package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activations with state of their own, in whole networks: prelu's slopes are parameters that training moves and
 * gradient checks cover; rrelu's random slopes repeat under a seed and give way to the mean slope for inference; an
 * activation that declares parameters but not their gradients is an error.
 */
class TrainableActivationTest {

    private static final String BACKENDS = "dev.chainrule.testkit.Backends#backends";
    private static final Loss LOSS = Registries.PLUGINS.losses().create("half_squared_error");

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void aNetworkWithPreluLearnsItsSlopes(TensorBackend backend) {
        Network network = network(backend, "prelu", 3);
        Parameter slopes = parameter(network, "layer 1 prelu slope");
        Dataset data = leakyTarget(64, 0.8);
        double before = Evaluator.evaluate(network, LOSS, data, 64).loss();

        new Trainer().fit(network, data, config("sgd(lr=0.05)", 40, 3));

        double[] learned = slopes.value().toDoubleArray();
        assertTrue(Arrays.stream(learned).anyMatch(slope -> Math.abs(slope - 0.25) > 0.05),
                () -> "the slopes stayed at their start: " + Arrays.toString(learned));
        assertTrue(Evaluator.evaluate(network, LOSS, data, 64).loss() < 0.5 * before, "the loss should fall");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void theNetworkGradientCheckCoversPreluSlopes(TensorBackend backend) {
        Network network = network(backend, "prelu(init=-0.3)", 5);
        Dataset data = leakyTarget(12, 0.6);
        List<GradientCheckResult> results = check(network, data);
        assertEquals(network.parameters().size(), results.size());
        assertTrue(results.stream().anyMatch(result -> result.subject().equals("layer 1 prelu slope")),
                results::toString);
        results.forEach(result -> result.requireWithin(1e-6));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void layersSharingOnePreluInstanceGetSlopesOfTheirOwn(TensorBackend backend) {
        Activation prelu = Registries.PLUGINS.activations().create("prelu");
        Network network = new NetworkBuilder(backend, Registries.PLUGINS.activations()::create, 2)
                .dense(3, prelu).dense(4, prelu).dense(1, "identity").dtype(DType.FLOAT64).build();
        Tensor first = parameter(network, "layer 1 prelu slope").value();
        Tensor second = parameter(network, "layer 2 prelu slope").value();
        assertNotSame(first, second);
        assertEquals(new Shape(1, 3), first.shape());
        assertEquals(new Shape(1, 4), second.shape());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, first.toDoubleArray());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void rreluUsesTheMeanSlopeForInference(TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 6, 4, -3, 3, 41);
        Activation rrelu = ActivationCases.bound("rrelu(lower=0.1, upper=0.3)", 4, backend, DType.FLOAT64);
        double[] expected = Arrays.stream(z.toDoubleArray()).map(x -> x >= 0 ? x : 0.2 * x).toArray();
        assertArrayEquals(expected, rrelu.forward(z).toDoubleArray(), 1e-15);
        assertArrayEquals(expected, rrelu.forward(z, z.newLike(), ForwardContext.inference()).toDoubleArray(), 1e-15);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void rreluDrawsSlopesInItsRangeAndRepeatsThemUnderASeed(TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 10, 5, -3, -0.5, 42);
        Activation rrelu = ActivationCases.bound("rrelu(lower=0.1, upper=0.3)", 5, backend, DType.FLOAT64);
        double[] first = rrelu.forward(z, z.newLike(), ForwardContext.training(1)).toDoubleArray();
        double[] again = rrelu.forward(z, z.newLike(), ForwardContext.training(1)).toDoubleArray();
        double[] other = rrelu.forward(z, z.newLike(), ForwardContext.training(2)).toDoubleArray();
        double[] points = z.toDoubleArray();
        double[] slopes = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            slopes[i] = first[i] / points[i];
        }
        assertTrue(Arrays.stream(slopes).allMatch(slope -> slope >= 0.1 - 1e-12 && slope < 0.3 + 1e-12),
                () -> Arrays.toString(slopes));
        assertTrue(Arrays.stream(slopes).max().orElseThrow() - Arrays.stream(slopes).min().orElseThrow() > 0.05,
                "slopes should vary from element to element");
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other), "another seed should draw other slopes");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void trainingWithRreluIsDeterministicUnderTheTrainingSeed(TensorBackend backend) {
        Dataset data = leakyTarget(48, 0.2);
        double[] once = trainedParameters(backend, data, 5);
        double[] twice = trainedParameters(backend, data, 5);
        double[] otherSeed = trainedParameters(backend, data, 6);
        assertArrayEquals(once, twice);
        assertFalse(Arrays.equals(once, otherSeed), "without shuffling, only rrelu's draws depend on the seed");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource(BACKENDS)
    void theNetworkGradientCheckCoversRreluInATrainingPass(TensorBackend backend) {
        Network network = network(backend, "rrelu(lower=0.05, upper=0.5)", 7);
        check(network, leakyTarget(12, 0.3)).forEach(result -> result.requireWithin(1e-6));
    }

    /** An activation that declares parameters must compute their gradients: the default refuses, naming them. */
    @Test
    void parametersWithoutGradientsAreAnError() {
        TensorBackend backend = Backends.reference();
        Tensor z = backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[] {1, 2});
        Parameter slope = new Parameter("slope", backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[2]));
        Activation forgetful = new Activation() {
            @Override
            public String name() {
                return "forgetful";
            }

            @Override
            public Tensor forward(Tensor input, Tensor out) {
                return out;
            }

            @Override
            public Tensor backward(Tensor input, Tensor a, Tensor gradA, Tensor out) {
                return out;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(slope);
            }
        };
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> forgetful.parameterGradients(z, z, z, List.of(z.newLike())));
        assertEquals("forgetful has parameters [slope] but does not compute their gradients; override "
                + "parameterGradients", error.getMessage());
    }

    private static double[] trainedParameters(TensorBackend backend, Dataset data, long trainingSeed) {
        Network network = network(backend, "rrelu", 9);
        TrainingConfig config = TrainingConfig.builder(LOSS, Registries.PLUGINS.optimizers().create("sgd(lr=0.05)"))
                .epochs(5).batchSize(8).seed(trainingSeed).shuffle(false).build();
        new Trainer().fit(network, data, config);
        assertArrayEquals(network.predict(new double[][] {{-1, 0.5}}), network.predict(new double[][] {{-1, 0.5}}));
        return network.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.value().toDoubleArray())).toArray();
    }

    /** 2 inputs -> 6 units of {@code activationSpec} -> 1 identity output, in float64. */
    private static Network network(TensorBackend backend, String activationSpec, long seed) {
        return new NetworkBuilder(backend, Registries.PLUGINS.activations()::create, 2)
                .dense(6, activationSpec).dense(1, "identity").dtype(DType.FLOAT64).seed(seed).build();
    }

    private static TrainingConfig config(String optimizer, int epochs, long seed) {
        return TrainingConfig.builder(LOSS, Registries.PLUGINS.optimizers().create(optimizer))
                .epochs(epochs).batchSize(16).seed(seed).build();
    }

    private static List<GradientCheckResult> check(Network network, Dataset data) {
        Tensor x = network.backend().fromArray(DType.FLOAT64, new Shape(data.size(), 2), data.features());
        Tensor y = network.backend().fromArray(DType.FLOAT64, new Shape(data.size(), 1), data.targets());
        return GradientChecker.check(network, LOSS, x, y, false);
    }

    /** Targets {@code u} for {@code u >= 0} and {@code slope u} below, with {@code u = x1 - 2 x2}. */
    private static Dataset leakyTarget(int rows, double slope) {
        SplittableRandom random = new SplittableRandom(rows);
        double[][] features = new double[rows][2];
        double[][] targets = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            features[r][0] = random.nextDouble(-2, 2);
            features[r][1] = random.nextDouble(-2, 2);
            double u = features[r][0] - 2 * features[r][1];
            targets[r][0] = u >= 0 ? u : slope * u;
        }
        return Dataset.of(features, targets);
    }

    private static Parameter parameter(Network network, String name) {
        return network.parameters().stream().filter(parameter -> parameter.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter '" + name + "' among " + network.parameters()));
    }
}

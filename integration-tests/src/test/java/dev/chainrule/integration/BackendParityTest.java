package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.testkit.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every other backend trains the seed network to the weights the plain reference reaches: 64 -> 32 tanh -> 32 sigmoid
 * -> 32 relu -> 10 softmax, categorical cross-entropy, {@code sgd(lr=0.1, momentum=0.9)}, 20 steps of 32 random rows,
 * one seed for weights and shuffling. Only the order of floating-point sums may differ, so the weights must agree to
 * {@value #FLOAT64_TOLERANCE} relative in FLOAT64 and {@value #FLOAT32_TOLERANCE} in FLOAT32.
 */
class BackendParityTest {

    private static final double FLOAT64_TOLERANCE = 1e-9;
    private static final double FLOAT32_TOLERANCE = 1e-4;
    private static final int STEPS = 20;
    private static final int BATCH = 32;

    /** A training run's outcome: every parameter's values and every step's loss. */
    private record Run(List<double[]> parameters, List<String> names, double[] losses) {
    }

    static Stream<Arguments> otherBackendsAndDTypes() {
        return Backends.backendsAndDTypes().filter(arguments -> arguments.get()[0] != Backends.reference());
    }

    @ParameterizedTest(name = "{0} {1}", allowZeroInvocations = true)
    @MethodSource("otherBackendsAndDTypes")
    void theSeedNetworkTrainsToThePlainBackendsWeights(TensorBackend backend, DType dtype) {
        double tolerance = dtype == DType.FLOAT64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
        Dataset data = randomData(STEPS * BATCH, 64, 10);
        Run reference = train(Backends.reference(), dtype, data);
        Run run = train(backend, dtype, data);
        Run initial = initialWeights(dtype);
        for (int p = 0; p < reference.parameters().size(); p++) {
            double[] expected = reference.parameters().get(p);
            double scale = maxAbs(expected);
            double difference = maxAbsDifference(expected, run.parameters().get(p));
            String name = reference.names().get(p);
            assertTrue(difference <= tolerance * scale, () -> name + " differs from plain by " + difference
                    + " (relative " + difference / scale + ", tolerance " + tolerance + ")");
            assertTrue(maxAbsDifference(initial.parameters().get(p), expected) > 1e3 * tolerance * scale,
                    name + " should have moved in training");
        }
        assertEquals(STEPS, run.losses().length);
        for (int step = 0; step < STEPS; step++) {
            assertEquals(reference.losses()[step], run.losses()[step], tolerance * reference.losses()[step],
                    "loss of step " + (step + 1));
        }
    }

    private static Run train(TensorBackend backend, DType dtype, Dataset data) {
        Network network = seedNetwork(backend, dtype);
        List<Double> losses = new ArrayList<>();
        TrainingConfig config = TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("sgd(lr=0.1, momentum=0.9)"))
                .epochs(1).batchSize(BATCH).seed(5).listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(BatchResult result) {
                        losses.add(result.loss());
                    }
                }).build();
        new Trainer().fit(network, data, config);
        return outcome(network, losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Run initialWeights(DType dtype) {
        return outcome(seedNetwork(Backends.reference(), dtype), new double[0]);
    }

    private static Network seedNetwork(TensorBackend backend, DType dtype) {
        return Networks.builder(backend, 64).dense(32, "tanh").dense(32, "sigmoid").dense(32, "relu")
                .dense(10, "softmax").dtype(dtype).seed(7).build();
    }

    private static Run outcome(Network network, double[] losses) {
        List<Parameter> parameters = network.parameters();
        return new Run(parameters.stream().map(parameter -> parameter.value().toDoubleArray()).toList(),
                parameters.stream().map(Parameter::name).toList(), losses);
    }

    /** Features uniform in [-1, 1), one-hot labels drawn uniformly. */
    static Dataset randomData(int rows, int features, int classes) {
        SplittableRandom random = new SplittableRandom(13);
        double[][] x = new double[rows][features];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features; c++) {
                x[r][c] = random.nextDouble(-1, 1);
            }
            labels[r] = random.nextInt(classes);
        }
        return Dataset.of(x, Dataset.oneHot(labels, classes));
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}

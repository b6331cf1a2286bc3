package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingDivergedException;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.testkit.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end training behaviour on every backend. */
class TrainingTest {

    private static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void seededTrainingIsDeterministicBitForBit(TensorBackend backend, DType dtype) {
        Dataset data = blobs(60, 3);
        double[][] first = weights(trainBlobs(backend, dtype, data, 17));
        double[][] second = weights(trainBlobs(backend, dtype, data, 17));
        double[][] otherSeed = weights(trainBlobs(backend, dtype, data, 18));
        for (int p = 0; p < first.length; p++) {
            assertArrayEquals(first[p], second[p], "parameter " + p);
        }
        assertFalse(java.util.Arrays.equals(first[0], otherSeed[0]), "another seed should give other weights");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void xorIsLearnedToALossBelowOneHundredth(TensorBackend backend) {
        Network network = Networks.builder(backend, 2).dense(4, "tanh").dense(1, "sigmoid").dtype(DType.FLOAT64).seed(1)
                .build();
        TrainingHistory history = new Trainer().fit(network, XOR, config("binary_cross_entropy",
                "sgd(lr=0.5, momentum=0.9)").epochs(500).batchSize(4).build());
        assertTrue(history.last().loss() < 0.01, "final XOR loss " + history.last().loss());
        double[][] predictions = network.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertTrue(predictions[0][0] < 0.1 && predictions[1][0] > 0.9 && predictions[2][0] > 0.9
                && predictions[3][0] < 0.1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void listenersSeeEveryBatchIncludingASmallerLastOne(TensorBackend backend) {
        List<BatchResult> batches = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        Dataset data = blobs(10, 2);
        Network network = Networks.builder(backend, 2).dense(3, "tanh").dense(2, "softmax").seed(3).build();
        new Trainer().fit(network, data, config("categorical_cross_entropy", "sgd(lr=0.1)").epochs(2).batchSize(4)
                .listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(BatchResult result) {
                        batches.add(result);
                    }

                    @Override
                    public void onEpochEnd(EpochResult result) {
                        epochs.add(result);
                    }
                }).build());
        assertEquals(6, batches.size());
        assertEquals(List.of(4, 4, 2), batches.subList(0, 3).stream().map(BatchResult::rows).toList());
        assertEquals(3, batches.get(2).batches());
        assertEquals(2, epochs.size());
        assertTrue(epochs.get(0).accuracy().isPresent());
        double weighted = (batches.get(0).loss() * 4 + batches.get(1).loss() * 4 + batches.get(2).loss() * 2) / 10;
        assertEquals(weighted, epochs.get(0).loss(), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aDivergingRunStopsNamingTheEpochBatchAndLayer(TensorBackend backend) {
        Network network = Networks.builder(backend, 2).dense(8, "relu").dense(8, "relu").dense(1, "identity").seed(4)
                .dtype(DType.FLOAT64).build();
        Dataset data = Dataset.of(new double[][] {{100, -100}, {-100, 100}, {50, 50}}, new double[][] {{1e3}, {-1e3}, {0}});
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class, () -> new Trainer().fit(network,
                data, config("mse", "sgd(lr=10)").epochs(50).batchSize(3).build()));
        assertTrue(error.getMessage().matches("training diverged at epoch \\d+, batch 1: the loss is (NaN|Infinity); "
                + "first non-finite values at .*layer \\d.*"), error.getMessage());
        assertTrue(error.getMessage().contains("sgd(lr=10.0"), error.getMessage());
    }

    /**
     * Where the first non-finite values of a diverged batch are, set up by hand in a network of two dense layers of one
     * unit (weights W1, W2, biases 0) fed the single input 1: a parameter, a pre-activation, an activation, or none but
     * the loss.
     */
    @ParameterizedTest(name = "W1 {1}, W2 {2}, {0}")
    @CsvSource(delimiter = '|', value = {
        "identity | 1 | NaN | layer 2 (dense(units=1 | its parameters are no longer finite",
        "identity | 1e200 | 1e200 | layer 2 (dense(units=1 | its pre-activations are not finite",
        "exponential | 800 | 1 | layer 1 (dense(units=1, activation=exp | its activation gave non-finite values",
        "identity | 1e200 | 1 | the loss itself (mse | on finite outputs",
    })
    void aDivergedBatchNamesWhereItsFirstNonFiniteValuesAre(String activation, double w1, double w2, String where,
            String what) {
        Network network = Networks.builder(Backends.reference(), 1).dense(1, activation).dense(1, "identity")
                .dtype(DType.FLOAT64).build();
        set(network.layer(1).parameters(), w1);
        set(network.layer(2).parameters(), w2);
        Dataset data = Dataset.of(new double[][] {{1}}, new double[][] {{0}});
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> new Trainer().fit(network, data, config("mse", "sgd").epochs(1).build()));
        String message = error.getMessage();
        assertTrue(message.startsWith("training diverged at epoch 1, batch 1: the loss is "), message);
        assertTrue(message.contains("; first non-finite values at " + where), message);
        assertTrue(message.contains(what + ". A smaller learning rate than sgd("), message);
    }

    private static void set(List<Parameter> parameters, double weight) {
        for (Parameter parameter : parameters) {
            double value = parameter.kind() == Parameter.Kind.WEIGHT ? weight : 0;
            parameter.value().backend().assign(new double[] {value}, parameter.value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void earlyStoppingRestoresTheBestWeights(TensorBackend backend) {
        Dataset data = blobs(80, 5);
        Dataset.Split split = data.split(0.5, 1);
        Network network = Networks.builder(backend, 2).dense(16, "tanh").dense(2, "softmax").seed(6).dtype(DType.FLOAT64)
                .build();
        // A learning rate far too high makes the validation loss bounce, so patience runs out early.
        TrainingHistory history = new Trainer().fit(network, split.first(), config("categorical_cross_entropy",
                "sgd(lr=5, momentum=0.9)").epochs(200).batchSize(8).validation(split.second()).patience(3).build());
        assertTrue(history.stoppedEarly());
        double best = history.epochs().get(history.bestEpoch() - 1).validationLoss().orElseThrow();
        double restored = dev.chainrule.core.training.Evaluator.evaluate(network,
                Registries.PLUGINS.losses().create("categorical_cross_entropy"), split.second(), 100).loss();
        assertEquals(best, restored, 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void dataThatDoesNotFitTheNetworkIsAClearError(TensorBackend backend) {
        Network network = Networks.builder(backend, 3).dense(2, "softmax").build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Trainer().fit(network,
                blobs(10, 1), config("categorical_cross_entropy", "sgd").build()));
        assertEquals("the data has 2 features per row but the network takes 3 inputs", error.getMessage());
    }

    private static TrainingConfig.Builder config(String loss, String optimizer) {
        return TrainingConfig.builder(Registries.PLUGINS.losses().create(loss),
                Registries.PLUGINS.optimizers().create(optimizer));
    }

    private static Network trainBlobs(TensorBackend backend, DType dtype, Dataset data, long seed) {
        Network network = Networks.builder(backend, 2).dense(6, "tanh").dense(5, "relu").dense(2, "softmax").seed(seed)
                .dtype(dtype).build();
        new Trainer().fit(network, data, config("categorical_cross_entropy", "sgd(lr=0.1, momentum=0.9, nesterov=true)")
                .epochs(5).batchSize(7).seed(seed).build());
        return network;
    }

    private static double[][] weights(Network network) {
        return network.parameters().stream().map(Parameter::value).map(t -> t.toDoubleArray()).toArray(double[][]::new);
    }

    /** Two Gaussian blobs in the plane, one-hot labelled. */
    static Dataset blobs(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][2];
        double[][] y = new double[rows][2];
        for (int r = 0; r < rows; r++) {
            int label = r % 2;
            x[r][0] = (label == 0 ? -1 : 1) + 0.7 * (random.nextDouble() - 0.5);
            x[r][1] = (label == 0 ? 1 : -1) + 0.7 * (random.nextDouble() - 0.5);
            y[r][label] = 1;
        }
        return Dataset.of(x, y);
    }
}

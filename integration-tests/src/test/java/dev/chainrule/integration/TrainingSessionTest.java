package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.data.ArraySource;
import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.GradientSum;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.core.training.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The step-level session: its halves of a step, flattened values, stopping, and fit as a loop over it. */
class TrainingSessionTest {

    /** Dense layers as {@code units:activation}, other layers by spec. */
    private static final String LAYERS = "6:tanh;batch_norm;dropout(rate=0.2);3:softmax";

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void applyingComputedGradientsIsTheStepBitForBit(TensorBackend backend, DType dtype) {
        Dataset data = data(40, 5);
        TrainingSession stepped = session(backend, dtype, 9);
        TrainingSession halves = session(backend, dtype, 9);
        List<Batch> batches = batches(data, 8);
        for (Batch batch : batches) {
            double loss = stepped.step(batch);
            GradientSum sum = GradientSum.fromArray(halves.computeGradients(batch).toArray());
            assertEquals(batch.rows(), sum.rows());
            assertEquals(loss, halves.applyGradients(sum));
        }
        assertArrayEquals(stepped.parameterValues(), halves.parameterValues());
        assertArrayEquals(stepped.stateValues(), halves.stateValues());
        assertEquals(batches.size(), halves.optimizerSteps());
        assertFalse(halves.optimizerStates().get(0).slots().isEmpty(), "adam keeps its moments");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void partsOfABatchAddUpToTheWholeBatchUpToRounding(TensorBackend backend) {
        Dataset data = data(16, 6);
        TrainingSession whole = session(backend, DType.FLOAT64, 4, "5:tanh;3:softmax");
        TrainingSession parts = session(backend, DType.FLOAT64, 4, "5:tanh;3:softmax");
        GradientSum all = whole.computeGradients(batches(data, 16).get(0));
        List<Batch> halves = batches(data, 6);
        GradientSum sum = parts.computeGradients(halves.get(0));
        for (Batch part : halves.subList(1, halves.size())) {
            sum = sum.plus(parts.computeGradients(part));
        }
        assertEquals(16, sum.rows());
        assertEquals(all.meanLoss(), sum.meanLoss(), 1e-12);
        double[] expected = all.toArray();
        double[] actual = sum.toArray();
        for (int i = 3; i < expected.length; i++) {
            assertEquals(expected[i] * 16, actual[i], 1e-10, "gradient value " + (i - 3));
        }
        whole.applyGradients(all);
        parts.applyGradients(sum);
        assertArrayEquals(whole.parameterValues(), parts.parameterValues(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void parametersRoundTripThroughArrays(TensorBackend backend) {
        TrainingSession session = session(backend, DType.FLOAT32, 2);
        double[] values = session.parameterValues();
        assertEquals(session.parameterCount(), values.length);
        double[] changed = values.clone();
        changed[0] = 0.5;
        session.setParameterValues(changed);
        assertArrayEquals(changed, session.parameterValues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void fitIsTheSessionsLoopAndAListenerStopsItMidEpochToContinueLater(TensorBackend backend) {
        Dataset data = data(50, 7);
        Network reference = network(backend, DType.FLOAT32, 3, LAYERS);
        new Trainer().fit(reference, data, config(3, List.of()));

        List<BatchResult> seen = new ArrayList<>();
        TrainingListener stopAtSeventh = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchResult result) {
                seen.add(result);
            }

            @Override
            public boolean stopRequested() {
                return seen.size() == 10;
            }
        };
        Network network = network(backend, DType.FLOAT32, 3, LAYERS);
        TrainingSession session = new TrainingSession(network, config(3, List.of(stopAtSeventh)));
        DatasetSource source = DatasetSource.of(data);
        assertEquals(1, session.fit(source).epochs().size());
        assertTrue(session.stopRequested());
        assertEquals(2, session.currentEpoch());
        assertEquals(3, session.batchInEpoch());
        assertFalse(session.finished());
        assertEquals(3, session.fit(source).epochs().size());
        assertTrue(session.finished());
        assertArrayEquals(reference.parameters().get(0).value().toDoubleArray(),
                network.parameters().get(0).value().toDoubleArray());
        assertArrayEquals(values(reference), session.parameterValues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void theCallersOrderIsTheOrderTrainedIn(TensorBackend backend) {
        Dataset data = data(30, 8);
        int[] reversed = new int[30];
        for (int i = 0; i < 30; i++) {
            reversed[i] = 29 - i;
        }
        Network inOrder = network(backend, DType.FLOAT64, 3, LAYERS);
        new TrainingSession(inOrder, config(2, List.of())).fit(DatasetSource.inOrder(data, epoch -> reversed));
        Network arrays = network(backend, DType.FLOAT64, 3, LAYERS);
        new TrainingSession(arrays, config(2, List.of())).fit(new ReversedSource(data));
        assertArrayEquals(values(inOrder), values(arrays));
        Network shuffled = network(backend, DType.FLOAT64, 3, LAYERS);
        new TrainingSession(shuffled, config(2, List.of())).fit(DatasetSource.of(data));
        assertNotEquals(values(inOrder)[0], values(shuffled)[0]);
    }

    /** The rows of a data set in reverse, as arrays handed out batch by batch. */
    private record ReversedSource(Dataset data) implements BatchSource {
        @Override
        public int featureCount() {
            return data.featureCount();
        }

        @Override
        public int targetCount() {
            return data.targetCount();
        }

        @Override
        public java.util.OptionalLong rows() {
            return java.util.OptionalLong.of(data.size());
        }

        @Override
        public BatchStream open(Pass pass) {
            int n = data.size();
            double[] x = new double[n * data.featureCount()];
            double[] y = new double[n * data.targetCount()];
            for (int r = 0; r < n; r++) {
                double[] row = data.featureRow(n - 1 - r);
                for (int c = 0; c < row.length; c++) {
                    x[r * row.length + c] = row[c];
                }
                System.arraycopy(data.targetRow(n - 1 - r), 0, y, r * data.targetCount(), data.targetCount());
            }
            return ArraySource.ofDoubles(x, data.featureCount(), y, data.targetCount())
                    .open(new Pass(pass.epoch(), pass.batchSize(), Optional.empty()));
        }

        @Override
        public String describe() {
            return "reversed rows";
        }
    }

    static TrainingSession session(TensorBackend backend, DType dtype, long seed) {
        return session(backend, dtype, seed, LAYERS);
    }

    static TrainingSession session(TensorBackend backend, DType dtype, long seed, String layers) {
        TrainingConfig config = TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("adam(lr=0.01)")).seed(seed)
                .regularization(Regularization.of(Penalty.l2(0.01))).clipping(GradientClipping.byGlobalNorm(1))
                .build();
        return new TrainingSession(network(backend, dtype, seed, layers), config);
    }

    static TrainingConfig config(int epochs, List<TrainingListener> listeners) {
        TrainingConfig.Builder builder = TrainingConfig.builder(
                Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("adam(lr=0.01)")).epochs(epochs).batchSize(8).seed(11);
        listeners.forEach(builder::listener);
        return builder.build();
    }

    static Network network(TensorBackend backend, DType dtype, long seed, String layers) {
        var builder = Registries.networkBuilder(backend, FeatureShape.flat(4)).dtype(dtype).seed(seed);
        for (String layer : layers.split(";")) {
            String[] dense = layer.split(":");
            if (dense.length == 2) {
                builder.dense(Integer.parseInt(dense[0]), dense[1]);
            } else {
                builder.layer(layer);
            }
        }
        return builder.build();
    }

    static double[] values(Network network) {
        return network.parameters().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.value().toDoubleArray()))
                .toArray();
    }

    static List<Batch> batches(Dataset data, int size) {
        List<Batch> batches = new ArrayList<>();
        for (int first = 0; first < data.size(); first += size) {
            int rows = Math.min(size, data.size() - first);
            double[] x = new double[rows * data.featureCount()];
            double[] y = new double[rows * data.targetCount()];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data.featureRow(first + r), 0, x, r * data.featureCount(), data.featureCount());
                System.arraycopy(data.targetRow(first + r), 0, y, r * data.targetCount(), data.targetCount());
            }
            batches.add(Batch.of(x, data.featureCount(), y, data.targetCount()));
        }
        return batches;
    }

    static Dataset data(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][4];
        double[][] y = new double[rows][3];
        for (int r = 0; r < rows; r++) {
            int label = r % 3;
            for (int c = 0; c < 4; c++) {
                x[r][c] = (c == label ? 1 : 0) + 0.5 * (random.nextDouble() - 0.5);
            }
            y[r][label] = 1;
        }
        return Dataset.of(x, y);
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.IteratorSource;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.io.Checkpoints;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.GradientSum;
import dev.chainrule.core.training.TimeBudget;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import dev.chainrule.testkit.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller parts of step-level training: application batches, time budgets, gradient sums, checkpoint folders. */
class SessionPartsTest {

    @TempDir
    Path folder;

    @Test
    void theApplicationsBatchesTrainInItsOrderAndAreCheckedAgainstTheSource() {
        TensorBackend backend = Backends.reference();
        Dataset data = TrainingSessionTest.data(24, 3);
        List<Batch> batches = TrainingSessionTest.batches(data, 8);
        Network viaIterator = network(backend);
        TrainingConfig config = TrainingSessionTest.config(2, List.of());
        new TrainingSession(viaIterator, config).fit(IteratorSource.of(4, 3, batches));
        Network viaSteps = network(backend);
        TrainingSession steps = new TrainingSession(viaSteps, config);
        for (int epoch = 0; epoch < 2; epoch++) {
            batches.forEach(steps::step);
        }
        assertArrayEquals(TrainingSessionTest.values(viaSteps), TrainingSessionTest.values(viaIterator));

        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> new TrainingSession(
                network(backend), config).fit(IteratorSource.of(4, 2, batches)));
        assertTrue(wide.getMessage().contains("the source declared 4 and 2"), wide.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> new TrainingSession(
                network(backend), config).fit(DatasetSource.inOrder(data, epoch -> new int[] {0, 24})));
        assertEquals("the order of epoch 1 lists row 24 at position 1, outside the data set's rows 0..23",
                outside.getMessage());
    }

    @Test
    void aTimeBudgetStopsTrainingOnceSpentAndTheNextFitContinues() {
        AtomicLong clock = new AtomicLong();
        TimeBudget budget = new TimeBudget(Duration.ofSeconds(1), clock::get);
        assertFalse(budget.stopRequested());
        TrainingConfig config = TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("sgd(lr=0.1)")).epochs(2).batchSize(8).listener(budget)
                .listener(new dev.chainrule.core.training.TrainingListener() {
                    @Override
                    public void onBatchEnd(dev.chainrule.core.training.BatchResult result) {
                        clock.addAndGet(400_000_000L);
                    }
                }).build();
        TrainingSession session = new TrainingSession(network(Backends.reference()), config);
        session.fit(DatasetSource.of(TrainingSessionTest.data(40, 4)));
        assertEquals(3, session.batchInEpoch());
        assertTrue(session.stopRequested());
        assertThrows(IllegalArgumentException.class, () -> new TimeBudget(Duration.ofSeconds(-1)));
    }

    @Test
    void aTimeBudgetIsSpentAtItsDeadline() {
        AtomicLong clock = new AtomicLong(5);
        TimeBudget budget = new TimeBudget(Duration.ofNanos(10), clock::get);
        clock.set(14);
        assertFalse(budget.stopRequested());
        clock.set(15);
        assertTrue(budget.stopRequested());
        assertTrue(new TimeBudget(Duration.ZERO, clock::get).stopRequested());
    }

    @Test
    void gradientSumsFlattenExactlyAndRefuseWhatTheyCannotBe() {
        GradientSum sum = GradientSum.ofSums(4, 2.0, new double[] {4, 8});
        assertEquals(0.5, sum.meanLoss());
        GradientSum both = sum.plus(GradientSum.fromArray(sum.toArray()));
        assertEquals(8, both.rows());
        assertEquals(4.0, both.lossSum());
        assertArrayEquals(new double[] {8, 1, 4, 8, 16}, both.toArray());
        assertTrue(both.toString().contains("8 rows"), both.toString());
        assertThrows(IllegalArgumentException.class, () -> GradientSum.fromArray(new double[] {1.5, 1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> GradientSum.fromArray(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> sum.plus(GradientSum.ofSums(1, 0, new double[3])));
        TrainingSession session = TrainingSessionTest.session(Backends.reference(), DType.FLOAT64, 1);
        assertThrows(IllegalArgumentException.class, () -> session.applyGradients(sum));
    }

    @Test
    void aGradientSumCoversAtLeastOneRowAndWeighsItsLoss() {
        GradientSum weighted = GradientSum.fromArray(new double[] {4, 2, 3, 1});
        assertEquals(6, weighted.lossSum());
        assertEquals(1.5, weighted.meanLoss());
        assertEquals(1, weighted.size());
        assertEquals(1, GradientSum.ofSums(1, 0, new double[1]).rows());
        assertEquals("a gradient sum covers at least one row, got 0", assertThrows(IllegalArgumentException.class,
                () -> GradientSum.ofSums(0, 0, new double[1])).getMessage());
        assertEquals("a flattened gradient sum starts with its row count, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> GradientSum.fromArray(new double[] {0, 1, 0, 0})).getMessage());
        assertEquals("a flattened gradient sum has at least 4 values, got 3", assertThrows(
                IllegalArgumentException.class, () -> GradientSum.fromArray(new double[] {1, 1, 0})).getMessage());
    }

    @Test
    void aFolderKeepsTheNewestCheckpointsAndForgetsHalfWrittenOnes() throws IOException {
        Checkpoints checkpoints = new Checkpoints(folder, 2);
        TrainingSession session = TrainingSessionTest.session(Backends.reference(), DType.FLOAT64, 1);
        List<Batch> batches = TrainingSessionTest.batches(TrainingSessionTest.data(24, 3), 8);
        for (Batch batch : batches) {
            session.step(batch);
            checkpoints.save(session, Map.of());
        }
        List<Path> kept = Checkpoints.list(folder);
        assertEquals(List.of(folder.resolve("checkpoint-000000000003.ckpt"),
                folder.resolve("checkpoint-000000000002.ckpt")), kept);
        Files.writeString(folder.resolve(".checkpoint-000000000004.ckpt.1234.tmp"), "half");
        assertEquals(1, checkpoints.removeStaleTemporaries());
        TrainingSession resumed = TrainingSessionTest.session(Backends.reference(), DType.FLOAT64, 1);
        assertEquals(kept.get(0), Checkpoints.resume(resumed, folder).file());
        assertArrayEquals(session.parameterValues(), resumed.parameterValues());
        assertThrows(IllegalArgumentException.class, () -> new Checkpoints(folder, 0));
        assertThrows(IOException.class, () -> Checkpoints.resume(resumed, folder.resolve("empty")));
    }

    private static Network network(TensorBackend backend) {
        return TrainingSessionTest.network(backend, DType.FLOAT64, 5, "5:tanh;3:softmax");
    }
}

package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails once is retried by Spark and gives the same numbers (every task's work depends only on step,
 * partition and seed); a job stopped after a checkpoint and resumed ends where an uninterrupted job ends. The results
 * agree up to the order in which the driver combines the partitions' sums, which follows task completion.
 */
class FaultsAndCheckpointsTest {

    private static final double SUMMATION_ORDER = 1e-12;
    private static TrainingData data;
    private static TrainingConfig config;
    private static Network uninterrupted;

    @TempDir
    Path folder;

    @BeforeAll
    static void data() {
        double[][] x = Fixtures.features(90, 4, 21);
        data = TrainingData.fromArrays(Fixtures.context(), x, Fixtures.oneHotTargets(x, 2), 3);
        config = Fixtures.CHAINRULE.training("categorical_cross_entropy", "adam(lr=0.02)").epochs(3).batchSize(30)
                .seed(9).build();
        uninterrupted = train(DistributedOptions.defaults(), TaskHook.NONE);
    }

    @AfterAll
    static void release() {
        data.release();
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedAndGivesTheSameWeights() {
        FailOnce.ATTEMPTS.set(0);
        Network retried = train(DistributedOptions.defaults(), new FailOnce(4, 1));
        assertEquals(2, FailOnce.ATTEMPTS.get(), "the failing task should have run twice");
        assertTrue(Fixtures.relativeDifference(uninterrupted, retried) <= SUMMATION_ORDER);
    }

    @Test
    void aTaskThatKeepsFailingFailsTheJobWithItsError() {
        Throwable error = org.junit.jupiter.api.Assertions.assertThrows(SparkException.class,
                () -> train(DistributedOptions.defaults(), new FailOnce(2, 0).always()));
        assertTrue(error.getMessage().contains("injected failure at step 2, partition 0"), error::getMessage);
    }

    @Test
    void aJobStoppedAfterACheckpointAndResumedEndsWithTheWeightsOfAnUninterruptedJob() throws IOException {
        String uri = folder.resolve("checkpoints").toUri().toString();
        DistributedOptions checkpointed = DistributedOptions.defaults().checkpoints(CheckpointPolicy.everySteps(uri, 3));
        Network stopped = train(checkpointed.stepLimit(5), TaskHook.NONE);
        assertFalse(Fixtures.identical(uninterrupted, stopped));
        try (Stream<Path> files = Files.list(folder.resolve("checkpoints"))) {
            assertEquals(java.util.List.of("checkpoint-000000000003.chk"),
                    files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".chk")).sorted()
                            .toList());
        }
        Network resumed = Fixtures.small(DType.FLOAT64, 4);
        DistributedResult result = new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE,
                checkpointed.resume(true)).fit(data, resumed, config);
        assertEquals(9, result.steps());
        assertEquals(6, result.losses().size(), "the resumed run takes steps 4 to 9");
        assertTrue(Fixtures.relativeDifference(uninterrupted, resumed) <= SUMMATION_ORDER);
    }

    @Test
    void eachEpochCheckpointsKeepTheNewestAndParameterAveragingResumesToo() throws IOException {
        String uri = folder.resolve("averaging").toString();
        DistributedOptions averaging = DistributedOptions.defaults().parameterAveraging(2)
                .checkpoints(new CheckpointPolicy(uri, 0, true, 2));
        Network averaged = train(averaging, TaskHook.NONE);
        try (Stream<Path> files = Files.list(folder.resolve("averaging"))) {
            assertEquals(2, files.filter(path -> path.toString().endsWith(".chk")).count());
        }
        Network stopped = train(averaging.stepLimit(3), TaskHook.NONE);
        assertFalse(Fixtures.identical(averaged, stopped));
        Network resumed = Fixtures.small(DType.FLOAT64, 4);
        new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE, averaging.resume(true))
                .fit(data, resumed, config);
        assertTrue(Fixtures.relativeDifference(averaged, resumed) <= SUMMATION_ORDER);
    }

    private static Network train(DistributedOptions options, TaskHook hook) {
        Network network = Fixtures.small(DType.FLOAT64, 4);
        new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE, options, hook).fit(data, network, config);
        return network;
    }

    /** Fails partition {@code partition}'s task at step {@code step} on its first attempt (or on every attempt). */
    private record FailOnce(long step, int partition, boolean every) implements TaskHook {

        static final AtomicInteger ATTEMPTS = new AtomicInteger();

        FailOnce(long step, int partition) {
            this(step, partition, false);
        }

        FailOnce always() {
            return new FailOnce(step, partition, true);
        }

        @Override
        public void beforeShare(long atStep, int atPartition, int attempt) {
            if (atStep == step && atPartition == partition) {
                ATTEMPTS.incrementAndGet();
                if (attempt == 0 || every) {
                    throw new IllegalStateException("injected failure at step " + step + ", partition " + partition);
                }
            }
        }
    }
}

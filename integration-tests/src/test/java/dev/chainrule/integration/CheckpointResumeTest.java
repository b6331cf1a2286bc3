package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.CheckpointException;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.core.training.TrainingSession;
import dev.chainrule.testkit.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resuming from a checkpoint gives the weights of the run that never stopped, bit for bit: every built-in optimizer,
 * a schedule with early stopping, both backends, from the middle of an epoch and from an epoch's end, on a network
 * with batch_norm (state) and dropout (random numbers).
 */
class CheckpointResumeTest {

    private static final String LAYERS = "6:tanh;batch_norm;dropout(rate=0.25);3:softmax";
    /** 45 rows in batches of 8: 6 batches an epoch, the last of 5 rows. */
    private static final Dataset DATA = TrainingSessionTest.data(45, 21);
    private static final Dataset VALIDATION = TrainingSessionTest.data(20, 22);

    @TempDir
    Path folder;

    static Stream<Arguments> optimizersOnBackends() {
        return Registries.optimizers().flatMap(optimizer -> Backends.backends()
                .flatMap(backend -> Stream.of(Arguments.of(optimizer.name(), backend, 9),
                        Arguments.of(optimizer.name(), backend, 12))));
    }

    @ParameterizedTest(name = "{0} on {1}, stopped after batch {2}")
    @MethodSource("optimizersOnBackends")
    void everyOptimizerResumesBitForBit(String optimizer, TensorBackend backend, int stopAfter) throws IOException {
        resumesBitForBit(backend, DType.FLOAT32, config(Registries.PLUGINS.optimizers().create(optimizer), false),
                stopAfter);
    }

    static Stream<Arguments> scheduleCases() {
        return Backends.backends().flatMap(backend -> Stream.of(DType.FLOAT32, DType.FLOAT64)
                .flatMap(dtype -> Stream.of(Arguments.of(backend, dtype, 10), Arguments.of(backend, dtype, 18))));
    }

    @ParameterizedTest(name = "{0} {1}, stopped after batch {2}")
    @MethodSource("scheduleCases")
    void aScheduleWithValidationAndEarlyStoppingResumesBitForBit(TensorBackend backend, DType dtype, int stopAfter)
            throws IOException {
        resumesBitForBit(backend, dtype, config(Registries.PLUGINS.optimizers().create("adam(lr=0.05)"), true),
                stopAfter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aCorruptOrForeignCheckpointIsRefusedAndChangesNothing(TensorBackend backend) throws IOException {
        TrainingConfig.Builder config = config(Registries.PLUGINS.optimizers().create("sgd(lr=0.1)"), false);
        TrainingSession session = new TrainingSession(network(backend, DType.FLOAT32, 1), config.build());
        session.epoch(DatasetSource.of(DATA));
        Path file = folder.resolve("run.ckpt");
        session.saveCheckpoint(file, Map.of("note", "kept"));
        byte[] bytes = Files.readAllBytes(file);

        TrainingSession fresh = new TrainingSession(network(backend, DType.FLOAT32, 2), config.build());
        double[] before = fresh.parameterValues();
        Path flipped = folder.resolve("flipped.ckpt");
        bytes[bytes.length / 2] ^= 1;
        Files.write(flipped, bytes);
        CheckpointException corrupt = assertThrows(CheckpointException.class, () -> fresh.restoreCheckpoint(flipped));
        assertTrue(corrupt.getMessage().contains("flipped.ckpt is corrupt"), corrupt.getMessage());
        Path cut = folder.resolve("cut.ckpt");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));
        assertThrows(CheckpointException.class, () -> fresh.restoreCheckpoint(cut));
        TrainingSession other = new TrainingSession(network(backend, DType.FLOAT32, 2),
                config(Registries.PLUGINS.optimizers().create("sgd(lr=0.2)"), false).build());
        CheckpointException foreign = assertThrows(CheckpointException.class, () -> other.restoreCheckpoint(file));
        assertTrue(foreign.getMessage().contains("another run: its optimizer is sgd(lr=0.1"), foreign.getMessage());
        assertArrayEquals(before, fresh.parameterValues());
        assertEquals(Map.of("note", "kept"), fresh.restoreCheckpoint(file));
        assertArrayEquals(session.parameterValues(), fresh.parameterValues());
    }

    private void resumesBitForBit(TensorBackend backend, DType dtype, TrainingConfig.Builder config, int stopAfter)
            throws IOException {
        Network uninterrupted = network(backend, dtype, 5);
        TrainingHistory expected = new TrainingSession(uninterrupted, config.build()).fit(DatasetSource.of(DATA));

        TrainingSession first = new TrainingSession(network(backend, dtype, 5),
                config.listener(stopAfter(stopAfter)).build());
        first.fit(DatasetSource.of(DATA));
        Path file = folder.resolve("resume.ckpt");
        first.saveCheckpoint(file, Map.of());

        Network resumed = network(backend, dtype, 99);
        TrainingSession second = new TrainingSession(resumed, withoutListeners(first.config()));
        second.restoreCheckpoint(file);
        assertEquals(1 + stopAfter / 6, second.currentEpoch());
        assertEquals(stopAfter % 6, second.batchInEpoch());
        TrainingHistory history = second.fit(DatasetSource.of(DATA));

        assertArrayEquals(TrainingSessionTest.values(uninterrupted), TrainingSessionTest.values(resumed));
        for (int s = 0; s < uninterrupted.state().size(); s++) {
            assertArrayEquals(uninterrupted.state().get(s).value().toDoubleArray(),
                    resumed.state().get(s).value().toDoubleArray());
        }
        assertEquals(expected.epochs().stream().map(e -> e.loss()).toList(),
                history.epochs().stream().map(e -> e.loss()).toList());
        assertEquals(expected.epochs().stream().map(e -> e.validationLoss()).toList(),
                history.epochs().stream().map(e -> e.validationLoss()).toList());
        assertEquals(expected.bestEpoch(), history.bestEpoch());
        assertEquals(expected.stoppedEarly(), history.stoppedEarly());
    }

    private static TrainingConfig withoutListeners(TrainingConfig config) {
        return new TrainingConfig(config.loss(), config.optimizer(), config.schedule(), config.regularization(),
                config.clipping(), config.epochs(), config.batchSize(), config.seed(), config.shuffle(),
                config.fusedOutputGradient(), config.validation(), config.patience(), java.util.List.of());
    }

    private static TrainingListener stopAfter(int batches) {
        return new TrainingListener() {
            private int seen;

            @Override
            public void onBatchEnd(BatchResult result) {
                seen++;
            }

            @Override
            public boolean stopRequested() {
                return seen == batches;
            }
        };
    }

    private static TrainingConfig.Builder config(Optimizer optimizer, boolean scheduleAndValidation) {
        TrainingConfig.Builder builder = TrainingConfig.builder(
                Registries.PLUGINS.losses().create("categorical_cross_entropy"), optimizer)
                .epochs(4).batchSize(8).seed(13);
        if (scheduleAndValidation) {
            builder.schedule(Registries.PLUGINS.schedules().create("warmup(steps=4, then=cosine(t_max=20))"))
                    .validation(VALIDATION).patience(2);
        }
        return builder;
    }

    private static Network network(TensorBackend backend, DType dtype, long seed) {
        return TrainingSessionTest.network(backend, dtype, seed, LAYERS);
    }
}

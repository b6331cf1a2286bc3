package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.LossGrowthCheck;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingDivergedException;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.testkit.Backends;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Training's guards against sizes that overflow and losses that grow without becoming NaN. */
class TrainingGuardsTest {

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {Integer.MAX_VALUE, Integer.MAX_VALUE - 5, 1 << 30})
    void aBatchSizeNearTheIntegerLimitTakesOneStepOverEveryRow(int batchSize) {
        Network network = Networks.builder(Backends.reference(), 2).dense(3, "tanh").dense(2, "softmax").seed(3)
                .build();
        double[] before = network.parameters().get(0).value().toDoubleArray();
        List<BatchResult> batches = new ArrayList<>();
        new Trainer().fit(network, TrainingTest.blobs(10, 2), config("sgd(lr=0.1)").epochs(2).batchSize(batchSize)
                .listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(BatchResult result) {
                        batches.add(result);
                    }
                }).build());
        assertEquals(2, batches.size());
        assertEquals(List.of(10, 10), batches.stream().map(BatchResult::rows).toList());
        assertFalse(Arrays.equals(before, network.parameters().get(0).value().toDoubleArray()));
    }

    @Test
    void aHealthyRunWithNoisyBatchesIsNotStopped() {
        LossGrowthCheck check = new LossGrowthCheck(10);
        double[] losses = DoubleStream.concat(DoubleStream.iterate(2.3, loss -> loss * 0.8).limit(40),
                DoubleStream.of(0.5, 0.001, 0.9, 0.001, 0.001, 1.5)).toArray();
        assertDoesNotThrow(() -> feed(check, losses));
    }

    @Test
    void aLossGrowingPastTheFactorAndTheFirstLossIsStopped() {
        LossGrowthCheck check = new LossGrowthCheck(10);
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> feed(check, new double[] {2.3, 1.0, 0.5, 0.3, 1e4, 1e8}));
        assertTrue(error.getMessage().startsWith("training diverged at epoch 1, batch 5"), error.getMessage());
    }

    @ParameterizedTest(name = "factor {0}")
    @ValueSource(doubles = {1, 0.5, -2, Double.NaN, Double.POSITIVE_INFINITY})
    void aFactorOfOneOrLessIsRefused(double factor) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new LossGrowthCheck(factor));
        assertTrue(error.getMessage().contains("got " + factor), error.getMessage());
    }

    private static void feed(LossGrowthCheck check, double[] losses) {
        for (int b = 0; b < losses.length; b++) {
            check.onBatchEnd(new BatchResult(1, b + 1, losses.length, 8, losses[b], OptionalDouble.empty(), 1));
        }
    }

    private static TrainingConfig.Builder config(String optimizer) {
        return TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create(optimizer)).shuffle(false);
    }
}

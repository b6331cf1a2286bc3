package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Dataset;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training's guards: against configurations that cannot train, sizes that overflow and losses that grow without
 * becoming NaN.
 */
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

    @ParameterizedTest(name = "epochs {0}, batch {1}, patience {2}, validation {3}")
    @CsvSource(delimiter = '|', value = {
        "0 | 1 | 0 | false | epochs must be >= 1, got 0",
        "1 | 0 | 0 | false | batch size must be >= 1, got 0",
        "1 | 1 | -1 | true | patience must be >= 0, got -1",
        "1 | 1 | 1 | false | early stopping (patience 1) needs validation data",
    })
    void aConfigurationThatCannotTrainIsRefused(int epochs, int batchSize, int patience, boolean validation,
            String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> config(epochs, batchSize, patience, validation).build());
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "patience {0}, validation {1}")
    @CsvSource({"0, false", "0, true", "1, true"})
    void theSmallestConfigurationsTrain(int patience, boolean validation) {
        TrainingConfig config = config(1, 1, patience, validation).build();
        assertEquals(1, config.epochs());
        assertEquals(1, config.batchSize());
        assertEquals(patience, config.patience());
        assertEquals(validation, config.validation().isPresent());
    }

    /** The smoothed loss may reach the factor times its best, and grows past it only beyond. */
    @Test
    void theFactorTimesTheBestIsTheLastLossAllowed() {
        LossGrowthCheck check = new LossGrowthCheck(10);
        assertEquals(10, check.factor());
        assertDoesNotThrow(() -> feed(check, new double[] {2, 182}));
        assertThrows(TrainingDivergedException.class, () -> feed(new LossGrowthCheck(10), new double[] {2, 183}));
    }

    @Test
    void lossesThatAreNotFiniteAreLeftToTheTrainersOwnCheck() {
        LossGrowthCheck check = new LossGrowthCheck(10);
        assertDoesNotThrow(() -> feed(check, new double[] {2.3, Double.POSITIVE_INFINITY, Double.NaN, 2.0}));
    }

    private static void feed(LossGrowthCheck check, double[] losses) {
        for (int b = 0; b < losses.length; b++) {
            check.onBatchEnd(new BatchResult(1, b + 1, losses.length, 8, losses[b], OptionalDouble.empty(), 1));
        }
    }

    private static TrainingConfig.Builder config(int epochs, int batchSize, int patience, boolean validation) {
        TrainingConfig.Builder builder = config("sgd").epochs(epochs).batchSize(batchSize).patience(patience);
        return validation ? builder.validation(Dataset.of(new double[][] {{1}}, new double[][] {{1}})) : builder;
    }

    private static TrainingConfig.Builder config(String optimizer) {
        return TrainingConfig.builder(Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create(optimizer)).shuffle(false);
    }
}

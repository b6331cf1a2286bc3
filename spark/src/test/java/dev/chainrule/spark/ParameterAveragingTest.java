package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter averaging learns (the loss on the data falls as far as synchronous training's) in a fraction of the
 * rounds, with or without averaged optimizer states; penalties are refused in this mode.
 */
class ParameterAveragingTest {

    @ParameterizedTest(name = "{0} local steps, optimizer state averaged: {1}")
    @CsvSource({"1, true", "4, true", "4, false"})
    void learnsInFewerRounds(int localSteps, boolean averageState) {
        double[][] x = Fixtures.features(240, 4, 31);
        double[][] y = Fixtures.oneHotTargets(x, 2);
        TrainingConfig config = Fixtures.CHAINRULE.training("categorical_cross_entropy", "adam(lr=0.02)").epochs(10)
                .batchSize(24).seed(3).build();
        TrainingData data = TrainingData.fromArrays(Fixtures.context(), x, y, 3);
        Network network = Fixtures.small(DType.FLOAT64, 6);
        double before = loss(network, x, y);
        DistributedResult result = new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE,
                DistributedOptions.defaults().parameterAveraging(localSteps).averageOptimizerState(averageState))
                .fit(data, network, config);
        data.release();
        // 80 rows per partition in local batches of 24 / 3 = 8: 10 local batches per epoch.
        assertEquals(10L * ((10 + localSteps - 1) / localSteps), result.steps());
        double after = loss(network, x, y);
        assertTrue(after < 0.8 * before, () -> "loss " + before + " -> " + after);
    }

    @Test
    void penaltiesAreRefused() {
        double[][] x = Fixtures.features(30, 4, 1);
        TrainingData data = TrainingData.fromArrays(Fixtures.context(), x, Fixtures.oneHotTargets(x, 2), 2);
        TrainingConfig config = Fixtures.CHAINRULE.training("categorical_cross_entropy", "adam")
                .regularization(Regularization.of(Penalty.l2(0.01))).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE,
                        DistributedOptions.defaults().parameterAveraging(2)).fit(data, Fixtures.small(DType.FLOAT64, 1),
                        config));
        data.release();
        assertTrue(error.getMessage().startsWith("parameter averaging does not apply penalties or clipping"),
                error::getMessage);
    }

    private static double loss(Network network, double[][] x, double[][] y) {
        return Evaluator.evaluate(network, Fixtures.CHAINRULE.loss("categorical_cross_entropy"), Dataset.of(x, y), 64)
                .loss();
    }
}

package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.Penalty;
import dev.chainrule.core.training.Regularization;
import dev.chainrule.core.training.TrainingConfig;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The synchronous mode equals single-machine training with the same global batches in the same order: the
 * single-machine trainer and the distributed one start from the same network, seed and configuration (Adam, a
 * schedule, an L2 penalty and global-norm clipping, so that all of the driver's update runs), and end with the same
 * parameters up to summation order, whatever the number of partitions.
 */
class SynchronousTrainingTest {

    @ParameterizedTest(name = "{0} network, {1}, {2} partitions")
    @CsvSource({
        "small, FLOAT64, 1, 1e-10", "small, FLOAT64, 2, 1e-10", "small, FLOAT64, 3, 1e-10",
        "small, FLOAT32, 1, 1e-4", "small, FLOAT32, 2, 1e-4", "small, FLOAT32, 3, 1e-4",
        "seed, FLOAT64, 2, 1e-10", "seed, FLOAT64, 3, 1e-10", "seed, FLOAT32, 1, 3e-4", "seed, FLOAT32, 3, 3e-4"})
    void equalsSingleMachineTraining(String name, DType dtype, int partitions, double tolerance) {
        boolean small = name.equals("small");
        BiFunction<DType, Long, Network> build = small ? Fixtures::small : Fixtures::seedNetwork;
        int inputs = small ? 4 : 784;
        int classes = small ? 2 : 10;
        int rows = small ? 100 : 60;
        int batch = small ? 25 : 20;
        int epochs = small ? 5 : 1;       // 20 steps on the small network, 3 on the seed network
        double[][] x = Fixtures.features(rows, inputs, 11);
        double[][] y = Fixtures.oneHotTargets(x, classes);
        // Adam moves a weight whose gradient is mere rounding noise by about lr in the noise's sign, so in FLOAT32 the
        // summation order shows in proportion to lr: 0.01 on the seed network's 235,146 weights gave 2e-4. With 0.001,
        // 3 partitions and products as chains of fused multiply-adds, seeds 5, 6 and 7 gave 1.5e-4, 4e-6 and 1e-5
        // (separate multiplies and adds: 3e-5, 2e-5 and 4e-5): which weights' noise flips sign is a matter of luck.
        String optimizer = small ? "adam(lr=0.01)" : "adam(lr=0.001)";
        TrainingConfig config = Fixtures.CHAINRULE.training("categorical_cross_entropy", optimizer)
                .schedule(Fixtures.CHAINRULE.schedule("cosine(t_max=40)"))
                .regularization(Regularization.of(Penalty.l2(1e-3)))
                .clipping(GradientClipping.byGlobalNorm(small ? 0.5 : 50))
                .epochs(epochs).batchSize(batch).seed(5).build();

        Network alone = build.apply(dtype, 3L);
        Network before = build.apply(dtype, 3L);
        Fixtures.CHAINRULE.trainer().fit(alone, Dataset.of(x, y), config);
        Network distributed = build.apply(dtype, 3L);
        TrainingData data = TrainingData.fromArrays(Fixtures.context(), x, y, partitions);
        DistributedResult result = new DistributedTrainer(Fixtures.context(), Fixtures.CHAINRULE,
                DistributedOptions.defaults()).fit(data, distributed, config);
        data.release();

        assertEquals((long) epochs * rows / batch, result.steps());
        assertFalse(Fixtures.identical(before, distributed), "training changed nothing");
        double difference = Fixtures.relativeDifference(alone, distributed);
        assertTrue(difference <= tolerance, () -> "relative difference " + difference + " > " + tolerance);
    }
}

package dev.chainrule.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Early stopping keeps the weights of the best validation loss, waits {@code patience} epochs after it, then puts
 * those weights back; a checkpoint's saved best weights replace the kept ones.
 */
class EarlyStoppingTest {

    private final TensorBackend backend = Backends.reference();
    private final Tensor weights = backend.fromArray(DType.FLOAT64, new Shape(1, 2), new double[] {1, 2});
    private final EarlyStopping stopping = new EarlyStopping(List.of(new Parameter("w", weights)), 2);

    @Test
    void theBestWeightsComeBackAfterPatienceEpochsWithoutImprovement() {
        epoch(1, 1.0);
        set(5, 6);
        epoch(2, 0.5);
        set(9, 9);
        epoch(3, 0.7);
        assertFalse(stopping.stopped(), "one epoch without improvement is within a patience of two");
        assertArrayEquals(new double[] {9, 9}, weights.toDoubleArray());
        epoch(4, 0.5);
        assertTrue(stopping.stopped(), "two epochs without improvement (an equal loss is none) use up the patience");
        assertArrayEquals(new double[] {5, 6}, weights.toDoubleArray());
        assertEquals(2, stopping.bestEpoch());
        assertEquals(0.5, stopping.bestLoss());
        assertArrayEquals(new double[] {5, 6}, stopping.bestWeights().orElseThrow().get(0).toDoubleArray());
    }

    @Test
    void savedBestWeightsReplaceTheKeptOnes() {
        assertTrue(stopping.bestWeights().isEmpty());
        stopping.restore(0.25, 3, false, List.of(new double[] {7, 8}));
        assertArrayEquals(new double[] {7, 8}, stopping.bestWeights().orElseThrow().get(0).toDoubleArray());
        assertEquals(3, stopping.bestEpoch());
        set(0, 0);
        epoch(4, 0.3);
        epoch(5, 0.3);
        assertTrue(stopping.stopped());
        assertArrayEquals(new double[] {7, 8}, weights.toDoubleArray());
        stopping.restore(Double.POSITIVE_INFINITY, 0, false, null);
        assertTrue(stopping.bestWeights().isEmpty());
        assertFalse(stopping.stopped());
    }

    private void epoch(int epoch, double validationLoss) {
        stopping.stopAfter(new EpochResult(epoch, 1, OptionalDouble.empty(), OptionalDouble.of(validationLoss),
                OptionalDouble.empty(), 1, 1));
    }

    private void set(double first, double second) {
        backend.assign(new double[] {first, second}, weights);
    }
}

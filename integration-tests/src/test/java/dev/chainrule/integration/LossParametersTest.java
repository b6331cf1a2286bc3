package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loss parameters as specs carry them, what a loss without parameters gets by default, and the wording of the errors a
 * user meets first.
 */
class LossParametersTest {

    private final PluginRegistry<Loss> losses = Registries.PLUGINS.losses();
    private final TensorBackend backend = Backends.reference();

    @Test
    void weightsRoundTripInTheirCanonicalFormAndAnAbsentListIsLeftOut() {
        Loss weighted = losses.create("categorical_cross_entropy(weights=[1, 2,0.5])");
        assertEquals("categorical_cross_entropy(label_smoothing=0.0, reduction=batch_mean, weights=[1.0, 2.0, 0.5])",
                weighted.spec().toString());
        assertEquals(weighted.spec(), losses.create(weighted.spec().toString()).spec());
        assertEquals("mse(reduction=batch_mean, weights=[2.0])", losses.create("mse(weights=2)").spec().toString());
        assertEquals("mse(reduction=batch_mean)", losses.create("mse(weights=[])").spec().toString());
        assertEquals(weighted.spec(), losses.create("categorical_cross_entropy(weight=[1, 2, 0.5])").spec());
        assertEquals("mae(reduction=batch_mean)", losses.create("l1").spec().toString());
    }

    @Test
    void badParametersSayWhatIsWrongWithTheValueGiven() {
        assertMessage("mse: parameter weights must be a list of numbers such as [1, 2, 0.5], got [1, x]",
                () -> losses.create("mse(weights=[1, x])"));
        assertMessage("mse: parameter weights must be finite and >= 0 in every element (element 1 is -2), got [1,-2]",
                () -> losses.create("mse(weights=[1,-2])"));
        assertMessage("huber: parameter reduction must be one of batch_mean, mean, sum, got avg",
                () -> losses.create("huber(reduction=avg)"));
        assertMessage("huber: parameter delta must be > 0, got 0",
                () -> losses.create("huber(delta=0)"));
        assertMessage("categorical_cross_entropy: parameter label_smoothing must lie in [0, 1), got 1",
                () -> losses.create("categorical_cross_entropy(label_smoothing=1)"));
        assertMessage("loss 'mae' has no parameter delta; its parameters are {reduction=batch_mean}",
                () -> losses.create("mae(delta=1)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "focal(gamma=-1)                | focal: parameter gamma must be >= 0, got -1",
        "focal(alpha=1.5)               | focal: parameter alpha must lie in [0, 1], got 1.5",
        "focal(alpha=-0.5)              | focal: parameter alpha must lie in [0, 1], got -0.5",
        "multiclass_hinge(margin=-1)    | multiclass_hinge: parameter margin must be >= 0, got -1",
        "smooth_l1(beta=0)              | smooth_l1: parameter beta must be > 0, got 0",
    })
    void parametersOutsideTheirRangeAreRefused(String spec, String message) {
        assertMessage(message, () -> losses.create(spec));
    }

    /** The closed ends of the ranges are allowed: 0 for focal's gamma and alpha and for the hinge margin, 1 for alpha. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "focal(gamma=0, alpha=0)        | focal(gamma=0.0, alpha=0.0",
        "focal(alpha=1)                 | focal(gamma=2.0, alpha=1.0",
        "multiclass_hinge(margin=0)     | multiclass_hinge(margin=0.0",
    })
    void theClosedEndsOfTheRangesAreAccepted(String spec, String resolvedStart) {
        String resolved = losses.create(spec).spec().toString();
        assertTrue(resolved.startsWith(resolvedStart), resolved);
    }

    @Test
    void weightsMustMatchTheOutputs() {
        Loss loss = losses.create("mse(weights=[1, 2])");
        Tensor output = Points.of(backend, DType.FLOAT64, new double[][] {{1, 2, 3}});
        assertMessage("mse: 2 weights were given for 3 outputs (tensor 1x3); give one weight per output",
                () -> loss.value(output, output));
    }

    @Test
    void targetErrorsNameTheLossTheShapesTheRowAndTheValue() {
        Tensor probabilities = Points.of(backend, DType.FLOAT64, new double[][] {{0.2, 0.8}, {0.5, 0.5}, {0.9, 0.1}});
        Loss sparse = losses.create("sparse_categorical_cross_entropy");
        assertMessage("sparse_categorical_cross_entropy: target row 2, column 0 is 2.0, but "
                + "sparse_categorical_cross_entropy takes class labels: one column of whole numbers in 0..1 "
                + "(targets 3x1, outputs 3x2)",
                () -> sparse.value(probabilities, Points.of(backend, DType.FLOAT64, new double[][] {{0}, {1}, {2}})));
        assertMessage("sparse_categorical_cross_entropy: the targets are 3x2 but must be 3x1 (class labels: one "
                + "column of whole numbers in 0..1) for outputs 3x2",
                () -> sparse.value(probabilities, probabilities));
        Loss categorical = losses.create("categorical_cross_entropy");
        assertMessage("categorical_cross_entropy: target row 1 sums to 2.0 instead of 1, but categorical_cross_entropy "
                + "takes rows of probabilities in [0, 1] that sum to 1 (one-hot or soft) (targets 3x2, outputs 3x2)",
                () -> categorical.gradient(probabilities,
                        Points.of(backend, DType.FLOAT64, new double[][] {{0, 1}, {1, 1}, {1, 0}})));
        Loss binary = losses.create("binary_cross_entropy");
        assertMessage("binary_cross_entropy: target row 0, column 1 is NaN, but binary_cross_entropy takes "
                + "probabilities in [0, 1] (targets 3x2, outputs 3x2)",
                () -> binary.value(probabilities,
                        Points.of(backend, DType.FLOAT64, new double[][] {{0, Double.NaN}, {1, 1}, {1, 0}})));
    }

    /** A loss that writes neither configure nor the work-tensor value gets its own instance and its own value. */
    @Test
    void aLossWithoutParametersIsItsOwnConfiguredInstanceAndIgnoresTheWorkTensor() {
        Loss total = new Loss() {
            @Override
            public String name() {
                return "total";
            }

            @Override
            public double value(Tensor output, Tensor target) {
                return output.sub(target).sum();
            }

            @Override
            public Tensor gradient(Tensor output, Tensor target, Tensor out) {
                return out;
            }
        };
        PluginRegistry<Loss> registry = PluginRegistry.of(Loss.class, List.of(total));
        assertSame(total, registry.create("total"));
        assertMessage("loss 'total' has no parameter reduction; it takes no parameters",
                () -> registry.create("total(reduction=sum)"));
        Tensor output = Points.of(backend, DType.FLOAT64, new double[][] {{1, 2}, {3, 4}});
        Tensor target = Points.of(backend, DType.FLOAT64, new double[][] {{0, 0}, {0, 1}});
        assertEquals(9, total.value(output, target, output.newLike()));
    }

    private static void assertMessage(String expected, Runnable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call::run).getMessage());
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.LossInputs;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code reduction} and {@code weights} parameters, over every loss that takes them: the three reductions differ
 * only by their documented factors, and weights act linearly, one per output.
 */
class LossReductionTest {

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dev.chainrule.integration.LossCases#reducibleOnBackends")
    void reductionsDifferOnlyByTheirFactors(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, LossInputs.ROWS, 21);
        Loss batchMean = LossCases.configure(loss, LossCases.REDUCTION, "batch_mean");
        Loss mean = LossCases.configure(loss, LossCases.REDUCTION, "mean");
        Loss sum = LossCases.configure(loss, LossCases.REDUCTION, "sum");
        int m = LossInputs.ROWS;
        int k = LossInputs.COLUMNS;
        double reference = batchMean.value(inputs.output(), inputs.target());
        Approx.assertClose(reference / k, mean.value(inputs.output(), inputs.target()), 1e-12, loss + " mean");
        Approx.assertClose(reference * m, sum.value(inputs.output(), inputs.target()), 1e-12, loss + " sum");
        double[] gradient = batchMean.gradient(inputs.output(), inputs.target()).toDoubleArray();
        Approx.assertClose(scaled(gradient, 1.0 / k),
                mean.gradient(inputs.output(), inputs.target()).toDoubleArray(), 1e-12, loss + " mean gradient");
        Approx.assertClose(scaled(gradient, m),
                sum.gradient(inputs.output(), inputs.target()).toDoubleArray(), 1e-12, loss + " sum gradient");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dev.chainrule.integration.LossCases#weightedOnBackends")
    void unitWeightsChangeNothing(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, LossInputs.ROWS, 22);
        Loss ones = LossCases.configure(loss, LossCases.WEIGHTS_PARAMETER, "[1, 1, 1, 1]");
        Approx.assertClose(loss.value(inputs.output(), inputs.target()),
                ones.value(inputs.output(), inputs.target()), 1e-12, loss + " value");
        Approx.assertClose(loss.gradient(inputs.output(), inputs.target()).toDoubleArray(),
                ones.gradient(inputs.output(), inputs.target()).toDoubleArray(), 1e-12, loss + " gradient");
    }

    /** {@code E(w1) + E(w2) = E(w1 + w2)}, and likewise for gradients, with weights that single out outputs. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dev.chainrule.integration.LossCases#weightedOnBackends")
    void weightsActLinearlyPerOutput(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, LossInputs.ROWS, 23);
        Tensor output = inputs.output();
        Tensor target = inputs.target();
        Loss first = LossCases.configure(loss, LossCases.WEIGHTS_PARAMETER, "[0.5, 0, 2, 0]");
        Loss second = LossCases.configure(loss, LossCases.WEIGHTS_PARAMETER, "[1, 3, 0, 0.25]");
        Loss both = LossCases.configure(loss, LossCases.WEIGHTS_PARAMETER, "[1.5, 3, 2, 0.25]");
        Approx.assertClose(first.value(output, target) + second.value(output, target),
                both.value(output, target), 1e-12, loss + " value");
        double[] sum = first.gradient(output, target).add(second.gradient(output, target)).toDoubleArray();
        Approx.assertClose(sum, both.gradient(output, target).toDoubleArray(), 1e-12,
                loss + " gradient");
        double[] zeroed = first.gradient(output, target).toDoubleArray();
        for (int r = 0; r < LossInputs.ROWS; r++) {
            int row = r;
            int from = r * LossInputs.COLUMNS;
            assertTrue(zeroed[from + 1] == 0 && zeroed[from + 3] == 0,
                    () -> loss + ": outputs of weight 0 still get a gradient in row " + row + ": "
                            + Arrays.toString(zeroed));
        }
    }

    private static double[] scaled(double[] values, double factor) {
        return Arrays.stream(values).map(value -> value * factor).toArray();
    }
}

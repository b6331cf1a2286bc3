package dev.chainrule.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.integration.Registries;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What checking targets costs: targets that fit are checked on the backend without being read back, for a domain of
 * any finite number by one sum and, with a work tensor, for a constrained domain by reductions; targets that do not fit
 * are read back to name the row and value.
 */
class TargetChecksTest {

    private static final double[][] OUTPUT = {{0.2, 0.8}, {0.6, 0.4}};

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mse", "binary_cross_entropy", "categorical_cross_entropy", "poisson"})
    void targetsThatFitAreNotReadBack(String lossSpec) {
        Loss loss = Registries.PLUGINS.losses().create(lossSpec);
        Tensor output = Points.of(Backends.reference(), DType.FLOAT64, OUTPUT);
        Tensor target = spy(Points.of(Backends.reference(), DType.FLOAT64, new double[][] {{0, 1}, {1, 0}}));
        if (loss.targetDomain().constrainsValues()) {
            TargetChecks.check(loss, output, target, output.newLike());
        } else {
            TargetChecks.check(loss, output, target);
        }
        verify(target, never()).toDoubleArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mse                       | NaN | mse: target row 1, column 0 is NaN, but mse takes finite numbers",
        "binary_cross_entropy      | 2   | binary_cross_entropy: target row 1, column 0 is 2.0, but "
                + "binary_cross_entropy takes probabilities in [0, 1]",
        "categorical_cross_entropy | 0.5 | categorical_cross_entropy: target row 1 sums to 0.5 instead of 1, but "
                + "categorical_cross_entropy takes rows of probabilities in [0, 1] that sum to 1 (one-hot or soft)",
    })
    void targetsThatDoNotFitAreReadBackToNameRowAndValue(String lossSpec, double wrong, String message) {
        Loss loss = Registries.PLUGINS.losses().create(lossSpec);
        Tensor output = Points.of(Backends.reference(), DType.FLOAT64, OUTPUT);
        Tensor target = spy(Points.of(Backends.reference(), DType.FLOAT64, new double[][] {{0, 1}, {wrong, 0}}));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TargetChecks.check(loss, output, target, output.newLike()));
        assertEquals(message + " (targets 2x2, outputs 2x2)", error.getMessage());
        verify(target, atLeastOnce()).toDoubleArray();
    }
}

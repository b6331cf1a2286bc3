package dev.chainrule.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each domain's values, its closed and open ends, and the two ways of checking targets against it: value by value
 * with the row as a whole ({@link TargetChecks}' read-back), and by a few reductions on the backend, which must never
 * admit a tensor that the read-back refuses.
 */
class DomainTest {

    @ParameterizedTest(name = "{0} admits {1} of {2} classes: {3}")
    @CsvSource({
        "REAL,             1e300,      2, true",
        "PROBABILITY,      0,          2, true",
        "PROBABILITY,      1,          2, true",
        "PROBABILITY,      -1e-9,      2, false",
        "PROBABILITY,      1.000001,   2, false",
        "DISTRIBUTION,     0,          2, true",
        "DISTRIBUTION,     1,          2, true",
        "DISTRIBUTION,     -0.1,       2, false",
        "DISTRIBUTION,     1.1,        2, false",
        "ONE_HOT,          0,          2, true",
        "ONE_HOT,          1,          2, true",
        "ONE_HOT,          0.5,        2, false",
        "LOG_DISTRIBUTION, 0,          2, true",
        "LOG_DISTRIBUTION, -3,         2, true",
        "LOG_DISTRIBUTION, 1e-9,       2, false",
        "CLASS_LABEL,      0,          3, true",
        "CLASS_LABEL,      2,          3, true",
        "CLASS_LABEL,      3,          3, false",
        "CLASS_LABEL,      -1,         3, false",
        "CLASS_LABEL,      1.5,        3, false",
        "SIGN,             -1,         2, true",
        "SIGN,             1,          2, true",
        "SIGN,             0,          2, false",
        "NON_NEGATIVE,     0,          2, true",
        "NON_NEGATIVE,     -1e-300,    2, false",
        "POSITIVE,         1e-300,     2, true",
        "POSITIVE,         0,          2, false",
        "NONZERO,          -2,         2, true",
        "NONZERO,          0,          2, false",
    })
    void eachDomainAdmitsItsValuesUpToItsEnds(Domain domain, double value, int classes, boolean admitted) {
        assertEquals(admitted, domain.admits(value, classes));
    }

    /** Rows separated by ';'; the targets have as many classes as columns, class labels three. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "PROBABILITY      | 0 1; 0.5 0.25         | true",
        "PROBABILITY      | 0 1.0001              | false",
        "PROBABILITY      | -0.0001 0.5           | false",
        "PROBABILITY      | 0.5 NaN               | false",
        "DISTRIBUTION     | 0.2 0.8; 1 0          | true",
        "DISTRIBUTION     | 0.5 0.5009            | true",
        "DISTRIBUTION     | 0.5 0.4991            | true",
        "DISTRIBUTION     | 0.5 0.502             | false",
        "DISTRIBUTION     | 0.5 0.498             | false",
        "DISTRIBUTION     | 1.2 -0.2              | false",
        "ONE_HOT          | 0 1; 1 0              | true",
        "ONE_HOT          | 0.5 0.5               | false",
        "ONE_HOT          | 1 1                   | false",
        "ONE_HOT          | 0 0                   | false",
        "CLASS_LABEL      | 0; 2; 1               | true",
        "CLASS_LABEL      | 0; 3                  | false",
        "CLASS_LABEL      | 1.5                   | false",
        "CLASS_LABEL      | -1                    | false",
        "NON_NEGATIVE     | 0 3                   | true",
        "NON_NEGATIVE     | -1e-300 1             | false",
        "NON_NEGATIVE     | 1 Infinity            | false",
        "NON_NEGATIVE     | 1.7e308 1.7e308       | false",
        "POSITIVE         | 4.9e-324 1            | true",
        "POSITIVE         | 0 1                   | false",
        "REAL             | 1 1                   | false",
        "LOG_DISTRIBUTION | -0.6931471805599453 -0.6931471805599453 | false",
        "SIGN             | 1 -1                  | false",
        "NONZERO          | 1 1                   | false",
    })
    void theReductionsAdmitOnlyWhatTheReadBackAdmits(Domain domain, String rows, boolean admitted) {
        Tensor target = tensor(rows);
        int classes = domain == Domain.CLASS_LABEL ? 3 : target.columns();
        assertEquals(admitted, domain.admitsAll(target, classes, target.newLike()), "false means: read back and look");
    }

    @Test
    void distributionsAndOneHotRowsSumToOne() {
        assertEquals("sums to 0.6 instead of 1", Domain.DISTRIBUTION.rowProblem(new double[] {0.3, 0.3}, 0, 2));
        assertNull(Domain.DISTRIBUTION.rowProblem(new double[] {9, 0.4, 0.6, 9}, 1, 3));
        assertNull(Domain.DISTRIBUTION.rowProblem(new double[] {0.5, 0.5009}, 0, 2));
        assertEquals("sums to 2.0 instead of 1", Domain.ONE_HOT.rowProblem(new double[] {1, 1}, 0, 2));
        assertNull(Domain.ONE_HOT.rowProblem(new double[] {0, 1, 0}, 0, 3));
        assertNull(Domain.PROBABILITY.rowProblem(new double[] {1, 1}, 0, 2));
    }

    @Test
    void logDistributionsSumToOneAsProbabilities() {
        double half = Math.log(0.5);
        assertNull(Domain.LOG_DISTRIBUTION.rowProblem(new double[] {5, half, half}, 1, 3));
        assertEquals("sums to 2.0 instead of 1", Domain.LOG_DISTRIBUTION.rowProblem(new double[] {0, 0, 5}, 0, 2));
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void classLabelsAloneHaveOneColumnAndRealsAloneAreNotReadBack(Domain domain) {
        assertEquals(domain == Domain.CLASS_LABEL ? 1 : 4, domain.columns(4));
        assertEquals(domain != Domain.REAL, domain.constrainsValues());
    }

    @Test
    void descriptionsNameTheValues() {
        assertEquals("class labels: one column of whole numbers in 0..4", Domain.CLASS_LABEL.describe(5));
        assertEquals("probabilities in [0, 1]", Domain.PROBABILITY.describe(5));
        assertEquals("numbers > 0", Domain.POSITIVE.describe(5));
        assertEquals("finite numbers", Domain.REAL.describe(2));
    }

    private static Tensor tensor(String rows) {
        double[][] values = Arrays.stream(rows.split(";"))
                .map(row -> Arrays.stream(row.trim().split(" +")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        return Points.of(Backends.reference(), DType.FLOAT64, values);
    }
}

package dev.chainrule.integration;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Approx;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Points;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Softmax and log-softmax couple the units of a row, so their {@code backward} must apply the full Jacobian. Here
 * the Jacobians are built in the test from their textbook formulas, with softmax computed in Java, and
 * {@code g^T J} is compared with {@code backward(z, a, g)}, on rows that include magnitudes of a thousand.
 */
class RowwiseJacobianTest {

    /** A function's name and its Jacobian {@code J[i][j] = da_i/dz_j} for one row, from that row's softmax {@code p}. */
    private record Case(String spec, BiFunction<double[], double[], double[][]> jacobian) {
        @Override
        public String toString() {
            return spec;
        }
    }

    private static final double[][] ROWS = {
        {-1.5, 0.25, 2, 0.5, -0.75},
        {1000, -1000, 999, 0, 998.5},
        {-1000, -999, -1000.5, -998, -1000},
        {3, 3, 3, 3, 3},
    };

    static Stream<Arguments> cases() {
        Case softmax = new Case("softmax", (z, p) -> {
            double[][] jacobian = new double[p.length][p.length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    jacobian[i][j] = p[i] * ((i == j ? 1 : 0) - p[j]);
                }
            }
            return jacobian;
        });
        Case logSoftmax = new Case("log_softmax", (z, p) -> {
            double[][] jacobian = new double[p.length][p.length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    jacobian[i][j] = (i == j ? 1 : 0) - p[j];
                }
            }
            return jacobian;
        });
        return Stream.of(softmax, logSoftmax).flatMap(c -> Backends.backendsAndDTypes()
                .map(backendAndDType -> Arguments.of(c, backendAndDType.get()[0], backendAndDType.get()[1])));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("cases")
    void vectorJacobianProductAppliesTheFullJacobian(Case function, TensorBackend backend, DType dtype) {
        Tensor z = Points.of(backend, dtype, ROWS);
        Tensor g = Points.uniform(backend, dtype, ROWS.length, ROWS[0].length, -1, 1, 31);
        Activation activation = ActivationCases.bound(function.spec(), ROWS[0].length, backend, dtype);
        double[] actual = activation.backward(z, activation.forward(z), g).toDoubleArray();
        double[] upstream = g.toDoubleArray();
        int width = ROWS[0].length;
        double[] expected = new double[actual.length];
        for (int r = 0; r < ROWS.length; r++) {
            double[][] jacobian = function.jacobian().apply(ROWS[r], softmax(ROWS[r]));
            for (int j = 0; j < width; j++) {
                for (int i = 0; i < width; i++) {
                    expected[r * width + j] += upstream[r * width + i] * jacobian[i][j];
                }
            }
        }
        Approx.assertClose(expected, actual, dtype == DType.FLOAT64 ? 1e-12 : 1e-6,
                function.spec() + " vector-Jacobian product");
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : z) {
            max = Math.max(max, value);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}

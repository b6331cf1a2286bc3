package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every registered activation, at its defaults and at the non-default configurations of
 * {@link ActivationCases}, on every usable backend. Each activation is bound to a layer of the test's width first,
 * as the network builder does.
 */
class ActivationContractTest {

    private static final String CASES = "dev.chainrule.integration.ActivationCases#specsOnBackends";
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void backwardMatchesFiniteDifferencesAtModeratePoints(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 11);
        requirePasses(GradientChecker.check(bound(spec, z), z, 3));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void backwardMatchesFiniteDifferencesAtLargeMagnitudes(String spec, TensorBackend backend) {
        Tensor z = Points.grid(backend, DType.FLOAT64, 60, 40, 5);
        requirePasses(GradientChecker.check(bound(spec, z), z, 5));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void backwardMatchesFiniteDifferencesInATrainingPass(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 12);
        requirePasses(GradientChecker.check(bound(spec, z), z, 4, () -> ForwardContext.training(17)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void parameterGradientsMatchFiniteDifferences(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 15);
        Activation activation = bound(spec, z);
        List<GradientCheckResult> results = GradientChecker.checkParameters(activation, z, 6);
        assertEquals(activation.parameters().size(), results.size());
        results.forEach(ActivationContractTest::requirePasses);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void vectorJacobianProductMatchesTheFullJacobianByFiniteDifferences(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 2, 4, -3, 3, 21);
        Activation activation = bound(spec, z);
        double[][] fromBackward = jacobianFromBackward(activation, z);
        double[][] numerical = numericalJacobian(activation, z);
        for (int i = 0; i < numerical.length; i++) {
            assertClose(numerical[i], fromBackward[i], 1e-6, spec + " Jacobian row " + i);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void staysFiniteForInputsUpToAThousandWhereTheFunctionIsFinite(String spec, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            Activation activation = ActivationCases.bound(spec, 6, backend, dtype);
            Tensor z = finiteInputs(backend, dtype, activation.finiteDomain(dtype));
            Tensor g = Points.uniform(backend, dtype, z.rows(), z.columns(), -1, 1, 2);
            for (ForwardContext context : List.of(ForwardContext.inference(), ForwardContext.training(9))) {
                Tensor a = activation.forward(z, z.newLike(), context);
                Tensor dz = activation.backward(z, a, g);
                assertTrue(allFinite(a), () -> spec + " forward on " + dtype + " in a " + context + " gave " + a);
                assertTrue(allFinite(dz), () -> spec + " backward on " + dtype + " in a " + context + " gave " + dz);
                List<Tensor> dp = parameterGradients(activation, z, a, g);
                assertTrue(dp.stream().allMatch(ActivationContractTest::allFinite),
                        () -> spec + " parameter gradients on " + dtype + " gave " + dp);
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void neverModifiesItsInputs(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 4, 3, -2, 2, 7);
        Tensor g = Points.uniform(backend, DType.FLOAT64, 4, 3, -1, 1, 8);
        Activation activation = bound(spec, z);
        double[] zBefore = z.toDoubleArray();
        double[] gBefore = g.toDoubleArray();
        Tensor a = activation.forward(z, z.newLike(), ForwardContext.training(3));
        double[] aBefore = a.toDoubleArray();
        activation.backward(z, a, g);
        parameterGradients(activation, z, a, g);
        assertArrayEquals(zBefore, z.toDoubleArray());
        assertArrayEquals(gBefore, g.toDoubleArray());
        assertArrayEquals(aBefore, a.toDoubleArray());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void float32AgreesWithFloat64(String spec, TensorBackend backend) {
        Tensor z64 = Points.uniform(backend, DType.FLOAT64, 6, 4, -3, 3, 13);
        Tensor z32 = backend.fromArray(DType.FLOAT32, z64.shape(), z64.toDoubleArray());
        Tensor g64 = Points.uniform(backend, DType.FLOAT64, 6, 4, -1, 1, 14);
        Tensor g32 = backend.fromArray(DType.FLOAT32, g64.shape(), g64.toDoubleArray());
        Activation activation64 = bound(spec, z64);
        Activation activation32 = bound(spec, z32);
        Tensor a64 = activation64.forward(z64);
        Tensor a32 = activation32.forward(z32);
        assertClose(a64.toDoubleArray(), a32.toDoubleArray(), 1e-5, spec + " forward");
        assertClose(activation64.backward(z64, a64, g64).toDoubleArray(),
                activation32.backward(z32, a32, g32).toDoubleArray(), 1e-5, spec + " backward");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void aTrainingPassRepeatsUnderItsSeed(String spec, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 5, 4, -3, 3, 19);
        Activation activation = bound(spec, z);
        assertArrayEquals(activation.forward(z, z.newLike(), ForwardContext.training(5)).toDoubleArray(),
                activation.forward(z, z.newLike(), ForwardContext.training(5)).toDoubleArray());
        assertArrayEquals(activation.forward(z).toDoubleArray(),
                activation.forward(z, z.newLike(), ForwardContext.inference()).toDoubleArray());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void specRoundTripsThroughTheRegistry(String spec, TensorBackend backend) {
        Activation activation = Registries.PLUGINS.activations().create(spec);
        String canonical = activation.spec().toString();
        assertEquals(activation.spec(), Registries.PLUGINS.activations().create(canonical).spec());
        assertEquals(activation.spec(), activation.bind(3, backend, DType.FLOAT64).spec(), "binding keeps the spec");
        assertTrue(activation.name().matches("[a-z][a-z0-9_]*"), activation.name());
    }

    @Test
    void everyParameterisedActivationIsAlsoCheckedAwayFromItsDefaults() {
        List<String> missing = new ArrayList<>();
        for (PluginEntry<Activation> entry : Registries.PLUGINS.activations().entries()) {
            boolean covered = ActivationCases.NON_DEFAULT.stream()
                    .map(spec -> Registries.PLUGINS.activations().create(spec).spec())
                    .anyMatch(spec -> spec.name().equals(entry.plugin().name())
                            && !spec.equals(entry.plugin().spec()));
            if (!entry.parameterDefaults().isEmpty() && !covered) {
                missing.add(entry.plugin().name());
            }
        }
        assertEquals(List.of(), missing, "add non-default configurations to ActivationCases.NON_DEFAULT");
    }

    /** The check passes, and no more than a tenth of the points were skipped as kinks or jumps. */
    private static void requirePasses(GradientCheckResult result) {
        result.requireWithin(TOLERANCE);
        assertTrue(result.skipped() * 10 <= result.checked() + result.skipped(), result::describe);
    }

    private static Activation bound(String spec, Tensor z) {
        return ActivationCases.bound(spec, z.columns(), z.backend(), z.dtype());
    }

    private static List<Tensor> parameterGradients(Activation activation, Tensor z, Tensor a, Tensor g) {
        List<Tensor> out = activation.parameters().stream().map(parameter -> parameter.value().newLike()).toList();
        activation.parameterGradients(z, a, g, out);
        return out;
    }

    /** Row {@code (r, i)} of each row's Jacobian, from {@code backward} with a unit upstream gradient. */
    private static double[][] jacobianFromBackward(Activation activation, Tensor z) {
        int columns = z.columns();
        double[][] rows = new double[z.rows() * columns][];
        Tensor a = activation.forward(z);
        for (int r = 0; r < z.rows(); r++) {
            for (int i = 0; i < columns; i++) {
                double[] unit = new double[z.shape().size()];
                unit[r * columns + i] = 1;
                double[] product = activation.backward(z, a, z.backend().fromArray(z.dtype(), z.shape(), unit))
                        .toDoubleArray();
                rows[r * columns + i] = Arrays.copyOfRange(product, r * columns, (r + 1) * columns);
            }
        }
        return rows;
    }

    /** The same rows by central differences of {@code forward}, one input element at a time. */
    private static double[][] numericalJacobian(Activation activation, Tensor z) {
        int columns = z.columns();
        double[] points = z.toDoubleArray();
        double[][] rows = new double[z.rows() * columns][columns];
        for (int r = 0; r < z.rows(); r++) {
            for (int j = 0; j < columns; j++) {
                int index = r * columns + j;
                double h = 1e-6 * Math.max(1, Math.abs(points[index]));
                double[] plus = points.clone();
                plus[index] += h;
                double[] minus = points.clone();
                minus[index] -= h;
                double[] up = activation.forward(z.backend().fromArray(z.dtype(), z.shape(), plus)).toDoubleArray();
                double[] down = activation.forward(z.backend().fromArray(z.dtype(), z.shape(), minus)).toDoubleArray();
                for (int i = 0; i < columns; i++) {
                    rows[r * columns + i][j] = (up[r * columns + i] - down[r * columns + i]) / (2 * h);
                }
            }
        }
        return rows;
    }

    /** A grid over [-1000, 1000] with both ends, cut to the domain and with the domain's finite ends added. */
    private static Tensor finiteInputs(TensorBackend backend, DType dtype, FiniteDomain domain) {
        double[] grid = Points.grid(backend, DType.FLOAT64, 1000, 60, 6).toDoubleArray();
        double[] inside = DoubleStream.concat(Arrays.stream(grid),
                        DoubleStream.of(domain.lower(), domain.upper(), 0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE))
                .filter(Double::isFinite).filter(domain::contains).toArray();
        int columns = 6;
        int rows = (inside.length + columns - 1) / columns;
        return backend.fromArray(dtype, new Shape(rows, columns), Arrays.copyOf(inside, rows * columns));
    }

    private static boolean allFinite(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).allMatch(Double::isFinite);
    }

    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            int index = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale,
                    () -> what + " at element " + index + ": expected " + expected[index] + ", got " + actual[index]);
        }
    }
}

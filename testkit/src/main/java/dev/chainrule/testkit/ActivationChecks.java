package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Arrays;
import java.util.List;

/**
 * The numerical checks of {@link ActivationContract}, one method per test. Each takes the configured activation (as the
 * registry makes it) and binds it to a layer of the test's width first, as the network builder does.
 */
final class ActivationChecks {

    private ActivationChecks() {
    }

    static void derivativeAtModeratePoints(Activation activation, TensorBackend backend, double tolerance) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 11));
        requirePasses(GradientChecker.check(bound(activation, z), z, 3), tolerance);
    }

    static void derivativeAtLargeMagnitudes(Activation activation, TensorBackend backend, double tolerance) {
        Tensor z = inside(activation, Points.grid(backend, DType.FLOAT64, 60, 40, 5));
        requirePasses(GradientChecker.check(bound(activation, z), z, 5), tolerance);
    }

    static void derivativeInATrainingPass(Activation activation, TensorBackend backend, double tolerance) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 12));
        requirePasses(GradientChecker.check(bound(activation, z), z, 4, () -> ForwardContext.training(17)), tolerance);
    }

    static void parameterGradients(Activation activation, TensorBackend backend, double tolerance) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 15));
        Activation layer = bound(activation, z);
        List<GradientCheckResult> results = GradientChecker.checkParameters(layer, z, 6);
        assertEquals(layer.parameters().size(), results.size());
        results.forEach(result -> requirePasses(result, tolerance));
    }

    /** {@code backward} with a unit upstream gradient gives each row of each row's Jacobian, as differences do. */
    static void vectorJacobianProduct(Activation activation, TensorBackend backend) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 2, 4, -3, 3, 21));
        Activation layer = bound(activation, z);
        double[][] fromBackward = Jacobians.fromBackward(layer, z);
        double[][] numerical = Jacobians.numerical(layer, z);
        for (int i = 0; i < numerical.length; i++) {
            Approx.assertClose(numerical[i], fromBackward[i], 1e-6, layer.spec() + " Jacobian row " + i);
        }
    }

    /** Inputs up to ±1000 (and the domain's own ends, zeros and the tiniest numbers) give finite results. */
    static void staysFinite(Activation activation, TensorBackend backend) {
        String spec = activation.spec().toString();
        for (DType dtype : DType.values()) {
            Activation layer = activation.bind(6, backend, dtype);
            FiniteDomain domain = layer.finiteDomain(dtype);
            Tensor z = Points.within(domain, backend, dtype, 6, Points.grid(backend, DType.FLOAT64, 1000, 60, 6),
                    domain.lower(), domain.upper(), 0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE);
            Tensor g = Points.uniform(backend, dtype, z.rows(), z.columns(), -1, 1, 2);
            for (ForwardContext context : List.of(ForwardContext.inference(), ForwardContext.training(9))) {
                Tensor a = layer.forward(z, z.newLike(), context);
                Tensor dz = layer.backward(z, a, g);
                assertTrue(allFinite(a), () -> spec + " forward on " + dtype + " in a " + context + " gave " + a
                        + " for " + z);
                assertTrue(allFinite(dz), () -> spec + " backward on " + dtype + " in a " + context + " gave " + dz
                        + " for " + z);
                List<Tensor> dp = parameterGradients(layer, z, a, g);
                assertTrue(dp.stream().allMatch(ActivationChecks::allFinite),
                        () -> spec + " parameter gradients on " + dtype + " gave " + dp);
            }
        }
    }

    static void neverModifiesItsInputs(Activation activation, TensorBackend backend) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 4, 3, -2, 2, 7));
        Tensor g = Points.uniform(backend, DType.FLOAT64, z.rows(), z.columns(), -1, 1, 8);
        Activation layer = bound(activation, z);
        double[] zBefore = z.toDoubleArray();
        double[] gBefore = g.toDoubleArray();
        Tensor a = layer.forward(z, z.newLike(), ForwardContext.training(3));
        double[] aBefore = a.toDoubleArray();
        layer.backward(z, a, g);
        parameterGradients(layer, z, a, g);
        assertArrayEquals(zBefore, z.toDoubleArray(), "forward or backward modified z");
        assertArrayEquals(gBefore, g.toDoubleArray(), "backward modified gradA");
        assertArrayEquals(aBefore, a.toDoubleArray(), "backward modified a");
    }

    /** Results land in the given {@code out}, which is returned, and keep the input's shape, dtype and backend. */
    static void shapesAndDTypes(Activation activation, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            for (Shape shape : List.of(new Shape(1, 1), new Shape(1, 7), new Shape(5, 1), new Shape(3, 4))) {
                String what = activation.spec() + " on " + shape + " " + dtype.label();
                Tensor z = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -2, 2, shape.size());
                z = Points.within(activation.finiteDomain(dtype), backend, dtype, shape.columns(), z);
                Activation layer = activation.bind(shape.columns(), backend, dtype);
                for (Parameter parameter : layer.parameters()) {
                    assertEquals(dtype, parameter.value().dtype(), what + ": parameter " + parameter.name());
                    assertSame(backend, parameter.value().backend(), what + ": parameter " + parameter.name());
                }
                Tensor out = z.newLike();
                assertSame(out, layer.forward(z, out), what + ": forward must return out");
                assertSame(out, layer.forward(z, out, ForwardContext.training(1)), what + ": training forward");
                sameLayout(z, layer.forward(z), what + ": forward");
                Tensor g = Points.uniform(backend, dtype, z.rows(), z.columns(), -1, 1, 5);
                Tensor dz = z.newLike();
                assertSame(dz, layer.backward(z, out, g, dz), what + ": backward must return out");
                sameLayout(z, layer.backward(z, out, g), what + ": backward");
            }
        }
    }

    static void float32AgreesWithFloat64(Activation activation, TensorBackend backend) {
        Tensor z64 = inside(activation, Points.uniform(backend, DType.FLOAT64, 6, 4, -3, 3, 13));
        Tensor z32 = backend.fromArray(DType.FLOAT32, z64.shape(), z64.toDoubleArray());
        Tensor g64 = Points.uniform(backend, DType.FLOAT64, z64.rows(), z64.columns(), -1, 1, 14);
        Tensor g32 = backend.fromArray(DType.FLOAT32, g64.shape(), g64.toDoubleArray());
        Activation layer64 = bound(activation, z64);
        Activation layer32 = bound(activation, z32);
        Tensor a64 = layer64.forward(z64);
        Tensor a32 = layer32.forward(z32);
        String spec = activation.spec().toString();
        Approx.assertClose(a64.toDoubleArray(), a32.toDoubleArray(), 1e-5, spec + " forward, float32 against float64");
        Approx.assertClose(layer64.backward(z64, a64, g64).toDoubleArray(),
                layer32.backward(z32, a32, g32).toDoubleArray(), 1e-5, spec + " backward, float32 against float64");
    }

    /**
     * A training pass repeats under its seed; an inference pass is the two-argument forward; backward repeats; and two
     * instances made from one spec compute the same (their parameters start alike).
     */
    static void deterministic(Activation activation, TensorBackend backend) {
        Tensor z = inside(activation, Points.uniform(backend, DType.FLOAT64, 5, 4, -3, 3, 19));
        Tensor g = Points.uniform(backend, DType.FLOAT64, z.rows(), z.columns(), -1, 1, 20);
        Activation layer = bound(activation, z);
        String spec = activation.spec().toString();
        assertArrayEquals(layer.forward(z, z.newLike(), ForwardContext.training(5)).toDoubleArray(),
                layer.forward(z, z.newLike(), ForwardContext.training(5)).toDoubleArray(),
                spec + ": two training passes with seed 5 differ");
        Tensor a = layer.forward(z);
        assertArrayEquals(a.toDoubleArray(), layer.forward(z, z.newLike(), ForwardContext.inference()).toDoubleArray(),
                spec + ": an inference pass differs from forward(z, out)");
        assertArrayEquals(layer.backward(z, a, g).toDoubleArray(), layer.backward(z, a, g).toDoubleArray(),
                spec + ": backward differs from itself");
        Activation twin = Registration.specRoundTrips(Activation.class, activation).bind(z.columns(), backend,
                z.dtype());
        assertArrayEquals(a.toDoubleArray(), twin.forward(z).toDoubleArray(),
                spec + ": an instance made from the same spec computes differently");
        assertArrayEquals(layer.backward(z, a, g).toDoubleArray(), twin.backward(z, a, g).toDoubleArray(),
                spec + ": an instance made from the same spec differentiates differently");
    }

    /** The check passes, and no more than a tenth of the points were skipped as kinks or jumps. */
    static void requirePasses(GradientCheckResult result, double tolerance) {
        result.requireWithin(tolerance);
        assertTrue(result.skipped() * 10 <= result.checked() + result.skipped(),
                () -> "more than a tenth of the points are kinks or jumps: " + result.describe());
    }

    static Activation bound(Activation activation, Tensor z) {
        return activation.bind(z.columns(), z.backend(), z.dtype());
    }

    static List<Tensor> parameterGradients(Activation layer, Tensor z, Tensor a, Tensor g) {
        List<Tensor> out = layer.parameters().stream().map(parameter -> parameter.value().newLike()).toList();
        layer.parameterGradients(z, a, g, out);
        return out;
    }

    static boolean allFinite(Tensor tensor) {
        return Arrays.stream(tensor.toDoubleArray()).allMatch(Double::isFinite);
    }

    /** {@code z} cut to the activation's finite domain in its dtype, keeping its columns. */
    private static Tensor inside(Activation activation, Tensor z) {
        return Points.within(activation.finiteDomain(z.dtype()), z.backend(), z.dtype(), z.columns(), z);
    }

    private static void sameLayout(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertSame(expected.backend(), actual.backend(), what + ": backend");
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of every registered activation, on every usable backend. */
class ActivationContractTest {

    private static final String CASES = "dev.chainrule.integration.Registries#activationsOnBackends";

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void backwardMatchesFiniteDifferencesAtModeratePoints(Activation activation, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 8, 5, -4, 4, 11);
        GradientChecker.check(activation, z, 3).requireWithin(1e-6);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void backwardMatchesFiniteDifferencesAtLargeMagnitudes(Activation activation, TensorBackend backend) {
        Tensor z = Points.grid(backend, DType.FLOAT64, 60, 40, 5);
        GradientChecker.check(activation, z, 5).requireWithin(1e-6);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void staysFiniteForInputsUpToAThousand(Activation activation, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            Tensor z = Points.grid(backend, dtype, 1000, 60, 6);
            Tensor a = activation.forward(z);
            Tensor dz = activation.backward(z, a, Points.uniform(backend, dtype, z.rows(), z.columns(), -1, 1, 2));
            assertTrue(Arrays.stream(a.toDoubleArray()).allMatch(Double::isFinite),
                    () -> activation.name() + " forward on " + dtype + " gave " + a);
            assertTrue(Arrays.stream(dz.toDoubleArray()).allMatch(Double::isFinite),
                    () -> activation.name() + " backward on " + dtype + " gave " + dz);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void neverModifiesItsInputs(Activation activation, TensorBackend backend) {
        Tensor z = Points.uniform(backend, DType.FLOAT64, 4, 3, -2, 2, 7);
        Tensor g = Points.uniform(backend, DType.FLOAT64, 4, 3, -1, 1, 8);
        double[] zBefore = z.toDoubleArray();
        double[] gBefore = g.toDoubleArray();
        Tensor a = activation.forward(z);
        double[] aBefore = a.toDoubleArray();
        activation.backward(z, a, g);
        assertArrayEquals(zBefore, z.toDoubleArray());
        assertArrayEquals(gBefore, g.toDoubleArray());
        assertArrayEquals(aBefore, a.toDoubleArray());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void float32AgreesWithFloat64(Activation activation, TensorBackend backend) {
        Tensor z64 = Points.uniform(backend, DType.FLOAT64, 6, 4, -3, 3, 13);
        Tensor z32 = backend.fromArray(DType.FLOAT32, z64.shape(), z64.toDoubleArray());
        Tensor g64 = Points.uniform(backend, DType.FLOAT64, 6, 4, -1, 1, 14);
        Tensor g32 = backend.fromArray(DType.FLOAT32, g64.shape(), g64.toDoubleArray());
        Tensor a64 = activation.forward(z64);
        Tensor a32 = activation.forward(z32);
        assertClose(a64.toDoubleArray(), a32.toDoubleArray(), 1e-5, activation.name() + " forward");
        assertClose(activation.backward(z64, a64, g64).toDoubleArray(),
                activation.backward(z32, a32, g32).toDoubleArray(), 1e-5, activation.name() + " backward");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource(CASES)
    void specRoundTripsThroughTheRegistry(Activation activation, TensorBackend backend) {
        String spec = activation.spec().toString();
        assertEquals(activation.spec(), Registries.PLUGINS.activations().create(spec).spec());
        assertTrue(activation.name().matches("[a-z][a-z0-9_]*"), activation.name());
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

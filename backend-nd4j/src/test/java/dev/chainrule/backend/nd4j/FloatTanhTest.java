package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The FLOAT32 tangent stays within its documented 5.6 ulp of the correctly rounded value over a dense sample of every
 * binade, tiny and subnormal arguments included; it is odd, and keeps Java's special values. Through the backend it
 * gives the kernel's numbers for a tensor of several windows, also in place.
 */
class FloatTanhTest {

    private static final double MAX_ULPS = 5.6;

    @Test
    void staysWithinItsErrorBoundEverywhere() {
        int count = 1 << 20;
        float[] x = new float[count];
        float[] z = new float[count];
        int top = Float.floatToRawIntBits(10.5f);
        double worst = 0;
        for (int first = 0; first < top; first += count * 97) {
            int length = 0;
            for (int i = 0; i < count && first + 97L * i < top; i++) {
                x[i] = Float.intBitsToFloat(first + 97 * i);
                length++;
            }
            FloatTanh.tanh(x, z, length);
            for (int i = 0; i < length; i++) {
                float expected = (float) Math.tanh(x[i]);
                double ulps = Math.abs(z[i] - Math.tanh(x[i])) / Math.ulp(expected);
                worst = Math.max(worst, ulps);
                int at = i;
                assertTrue(ulps <= MAX_ULPS, () -> "tanh(" + x[at] + ") is " + z[at] + ", should be " + expected);
            }
        }
        assertTrue(worst > 1, "the sample should reach the approximation's larger errors, got " + worst);
    }

    @Test
    void isOddAndKeepsSpecialValues() {
        float[] x = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 10f, 100f, 0.25459146f,
            -0.25459146f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f};
        float[] z = new float[x.length];
        FloatTanh.tanh(x, z, x.length);
        assertEquals(0f, z[0]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(z[1]), "tanh(-0) is -0");
        assertEquals(1f, z[2]);
        assertEquals(-1f, z[3]);
        assertTrue(Float.isNaN(z[4]));
        assertEquals(1f, z[5]);
        assertEquals(1f, z[6]);
        assertEquals(-z[7], z[8]);
        assertEquals(1e-30f, z[11]);
        assertTrue(Math.abs(z[9] - Float.MIN_VALUE) <= Float.MIN_VALUE && z[10] == -z[9]);
    }

    @Test
    void theBackendAppliesItToFloat32TensorsAlsoInPlace() {
        Nd4jBackend backend = new Nd4jBackend();
        BackendAvailability availability = backend.availability();
        assumeTrue(availability.usable(), availability::reason);
        Shape shape = new Shape(5, Staging.WINDOW / 2 + 3);
        double[] values = new SplittableRandom(9).doubles(shape.size(), -12, 12).toArray();
        float[] x = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            x[i] = (float) values[i];
        }
        float[] z = new float[x.length];
        FloatTanh.tanh(x, z, x.length);
        double[] expected = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            expected[i] = z[i];
        }
        Tensor tensor = backend.fromArray(DType.FLOAT32, shape, values);
        assertArrayEquals(expected, backend.unary(UnaryOp.TANH, tensor, tensor.newLike()).toDoubleArray());
        backend.unary(UnaryOp.TANH, tensor, tensor);
        assertArrayEquals(expected, tensor.toDoubleArray());
    }
}

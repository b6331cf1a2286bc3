package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.tensor.DType;
import java.util.Arrays;

/**
 * Element-wise comparison with a tolerance for each dtype. A finite expected value {@code e} admits
 * {@code tolerance * max(1, |e|)}; infinities must match exactly and NaN must meet NaN.
 */
final class Approx {

    private Approx() {
    }

    /** The tolerance of one correctly rounded operation and a little more, for results near 1. */
    static double elementwise(DType dtype) {
        return dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
    }

    /** The tolerance of a sum of a few products. */
    static double accumulated(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    /** Rounds each value to the dtype, as storing it in a tensor does. */
    static double[] rounded(DType dtype, double[] values) {
        return dtype == DType.FLOAT64 ? values.clone() : Arrays.stream(values).map(v -> (float) v).toArray();
    }

    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": element count");
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i], tolerance)) {
                fail(what + ": element " + i + " is " + actual[i] + " but should be " + expected[i] + " (tolerance "
                        + tolerance + ")\n expected " + Arrays.toString(expected) + "\n actual   "
                        + Arrays.toString(actual));
            }
        }
    }

    static boolean close(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected));
    }
}

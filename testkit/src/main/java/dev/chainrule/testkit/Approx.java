package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.tensor.DType;
import java.util.Arrays;

/**
 * Element-wise comparison with a tolerance. A finite expected value {@code e} admits {@code tolerance * max(1, |e|)};
 * infinities must match exactly and NaN must meet NaN. Failures name what was compared, the element and both values.
 */
public final class Approx {

    private Approx() {
    }

    /** The tolerance of one correctly rounded operation and a little more, for results near 1. */
    public static double elementwise(DType dtype) {
        return dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
    }

    /** The tolerance of a sum of a few products. */
    public static double accumulated(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    /** Each value rounded to {@code dtype}, as storing it in a tensor does. */
    public static double[] rounded(DType dtype, double[] values) {
        return dtype == DType.FLOAT64 ? values.clone() : Arrays.stream(values).map(v -> (float) v).toArray();
    }

    /** Asserts that every element of {@code actual} is close to the same element of {@code expected}. */
    public static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, () -> what + ": element count");
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i], tolerance)) {
                fail(what + ": element " + i + " is " + actual[i] + " but should be " + expected[i] + " (tolerance "
                        + tolerance + ")" + (expected.length <= 64 ? "\n expected " + Arrays.toString(expected)
                        + "\n actual   " + Arrays.toString(actual) : ""));
            }
        }
    }

    /** Asserts that {@code actual} is close to {@code expected}. */
    public static void assertClose(double expected, double actual, double tolerance, String what) {
        if (!close(expected, actual, tolerance)) {
            fail(what + ": expected " + expected + ", got " + actual + " (tolerance " + tolerance + ")");
        }
    }

    /** Whether {@code actual} is close to {@code expected}. */
    public static boolean close(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected));
    }
}

package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/**
 * The reference that every kernel path is checked against, bit for bit: each element of a product is the chain of
 * fused multiply-adds over k in increasing order that {@link Float64Kernel} defines, in the element type.
 */
final class ReferenceProduct {

    private ReferenceProduct() {
    }

    /**
     * Element {@code (i, j)} of {@code op(A) op(B)} for row-major {@code a} ({@code aColumns} wide) and {@code b},
     * its chain starting from {@code start}; in float arithmetic when {@code float32} (the inputs then hold floats).
     */
    static double element(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            int i, int j, int depth, double start, boolean float32) {
        if (float32) {
            float sum = (float) start;
            for (int k = 0; k < depth; k++) {
                sum = Math.fma((float) element(a, transposeA, aColumns, i, k),
                        (float) element(b, transposeB, bColumns, k, j), sum);
            }
            return sum;
        }
        double sum = start;
        for (int k = 0; k < depth; k++) {
            sum = Math.fma(element(a, transposeA, aColumns, i, k), element(b, transposeB, bColumns, k, j), sum);
        }
        return sum;
    }

    /**
     * Fails with the first element of {@code actual} that is not the reference's bits; {@code start} is C before an
     * accumulating product, {@code null} for one that overwrites it.
     */
    static void assertExact(String label, double[] a, boolean transposeA, int aColumns, double[] b,
            boolean transposeB, int bColumns, int rows, int columns, int depth, double[] start, boolean float32,
            double[] actual) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = element(a, transposeA, aColumns, b, transposeB, bColumns, i, j, depth,
                        start == null ? 0 : start[i * columns + j], float32);
                double got = actual[i * columns + j];
                if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(expected)) {
                    fail(label + ": element (" + i + ", " + j + ") is " + got + ", expected " + expected
                            + ", the chain of fused multiply-adds over k");
                }
            }
        }
    }

    /** {@code count} values in [-1, 1) from {@code seed}, rounded to float so that both dtypes see the same numbers. */
    static double[] random(int count, long seed) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return values;
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static double element(double[] x, boolean transposed, int storedColumns, int row, int column) {
        return transposed ? x[column * storedColumns + row] : x[row * storedColumns + column];
    }
}

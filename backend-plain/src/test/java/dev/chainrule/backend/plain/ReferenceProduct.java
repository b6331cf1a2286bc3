package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/**
 * The textbook product in double precision, the reference every kernel path is checked against, and the tolerance
 * that a product in a given precision must meet: each element within {@code 4 depth eps} of the sum of the
 * magnitudes of its terms.
 */
final class ReferenceProduct {

    private ReferenceProduct() {
    }

    /** {@code op(A) op(B)} for row-major {@code a} ({@code aColumns} wide) and {@code b}, in double arithmetic. */
    static double[] multiply(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB,
            int bColumns, int rows, int columns, int depth) {
        double[] c = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double sum = 0;
                for (int k = 0; k < depth; k++) {
                    sum += element(a, transposeA, aColumns, i, k) * element(b, transposeB, bColumns, k, j);
                }
                c[i * columns + j] = sum;
            }
        }
        return c;
    }

    /** Fails with the first element of {@code actual} that is further from the reference than rounding allows. */
    static void assertClose(String label, double[] a, boolean transposeA, int aColumns, double[] b,
            boolean transposeB, int bColumns, int rows, int columns, int depth, double epsilon, double[] actual) {
        double[] expected = multiply(a, transposeA, aColumns, b, transposeB, bColumns, rows, columns, depth);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double magnitude = 0;
                for (int k = 0; k < depth; k++) {
                    magnitude += Math.abs(element(a, transposeA, aColumns, i, k)
                            * element(b, transposeB, bColumns, k, j));
                }
                double allowed = 4 * depth * epsilon * magnitude + Double.MIN_NORMAL;
                double got = actual[i * columns + j];
                if (!(Math.abs(got - expected[i * columns + j]) <= allowed)) {
                    fail(label + ": element (" + i + ", " + j + ") is " + got + ", expected "
                            + expected[i * columns + j] + " within " + allowed);
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

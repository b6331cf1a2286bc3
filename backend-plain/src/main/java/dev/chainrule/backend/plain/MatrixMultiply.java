package dev.chainrule.backend.plain;

/**
 * {@code C = op(A) op(B)} over row-major arrays, for each dtype. Transposes are read through strides, never
 * materialised. The loop order keeps the innermost loop running along contiguous rows of B and C.
 */
final class MatrixMultiply {

    private MatrixMultiply() {
    }

    /**
     * @param a        A's elements; {@code aColumns} is A's stored width
     * @param b        B's elements; {@code bColumns} is B's stored width
     * @param c        receives the {@code rows x columns} product; overwritten
     * @param inner    the shared dimension
     */
    static void float64(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            double[] c, int rows, int columns, int inner) {
        java.util.Arrays.fill(c, 0, rows * columns, 0);
        for (int i = 0; i < rows; i++) {
            int cRow = i * columns;
            for (int k = 0; k < inner; k++) {
                double aik = transposeA ? a[k * aColumns + i] : a[i * aColumns + k];
                if (aik == 0) {
                    continue;
                }
                if (transposeB) {
                    for (int j = 0; j < columns; j++) {
                        c[cRow + j] += aik * b[j * bColumns + k];
                    }
                } else {
                    int bRow = k * bColumns;
                    for (int j = 0; j < columns; j++) {
                        c[cRow + j] += aik * b[bRow + j];
                    }
                }
            }
        }
    }

    /** As {@link #float64}, in float arithmetic. */
    static void float32(float[] a, boolean transposeA, int aColumns, float[] b, boolean transposeB, int bColumns,
            float[] c, int rows, int columns, int inner) {
        java.util.Arrays.fill(c, 0, rows * columns, 0);
        for (int i = 0; i < rows; i++) {
            int cRow = i * columns;
            for (int k = 0; k < inner; k++) {
                float aik = transposeA ? a[k * aColumns + i] : a[i * aColumns + k];
                if (aik == 0) {
                    continue;
                }
                if (transposeB) {
                    for (int j = 0; j < columns; j++) {
                        c[cRow + j] += aik * b[j * bColumns + k];
                    }
                } else {
                    int bRow = k * bColumns;
                    for (int j = 0; j < columns; j++) {
                        c[cRow + j] += aik * b[bRow + j];
                    }
                }
            }
        }
    }
}

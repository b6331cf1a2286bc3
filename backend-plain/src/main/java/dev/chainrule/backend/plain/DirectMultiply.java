package dev.chainrule.backend.plain;

import java.util.Arrays;

/**
 * The textbook product, for products too small to be worth packing: {@code C(i, j) = sum over k of
 * op(A)(i, k) op(B)(k, j)}, with the operands read through their {@link Layout}s. Modifies only {@code c}, which
 * has {@code rows x columns} elements.
 */
final class DirectMultiply {

    private DirectMultiply() {
    }

    static void float64(double[] a, Layout aLayout, double[] b, Layout bLayout, double[] c, int rows, int columns,
            int depth) {
        Arrays.fill(c, 0, rows * columns, 0);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < depth; k++) {
                double aik = a[aLayout.index(i, k)];
                for (int j = 0; j < columns; j++) {
                    c[i * columns + j] += aik * b[bLayout.index(k, j)];
                }
            }
        }
    }

    static void float32(float[] a, Layout aLayout, float[] b, Layout bLayout, float[] c, int rows, int columns,
            int depth) {
        Arrays.fill(c, 0, rows * columns, 0);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < depth; k++) {
                float aik = a[aLayout.index(i, k)];
                for (int j = 0; j < columns; j++) {
                    c[i * columns + j] += aik * b[bLayout.index(k, j)];
                }
            }
        }
    }
}

package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code C = op(A) op(B)} over FLOAT64 row-major arrays, by the path that {@link MatrixMultiply} describes: the
 * textbook loop for a tiny product, the kernel's row loop straight over B for one or two rows, else blocked and
 * packed ({@link Float64Blocked}) and, when worth it, split into one block of C per thread ({@link Part#split}).
 */
final class Float64Product {

    private final Float64Blocked blocked;
    private final ComputePool pool;

    Float64Product(Float64Kernel kernel, ComputePool pool) {
        this.blocked = new Float64Blocked(kernel);
        this.pool = pool;
    }

    Float64Kernel kernel() {
        return blocked.kernel();
    }

    /** The single-threaded blocked product that this product's threads run. */
    Float64Blocked blocked() {
        return blocked;
    }

    /**
     * {@code C = op(A) op(B)} in the element type's arithmetic, then {@code C += bias} row by row when {@code bias} is
     * given: each element of the product rounded, then the bias added and rounded, as two separate passes would, but by
     * the thread that computed the element's block, right after it.
     *
     * @param a     A's elements (not modified); {@code aColumns} is A's stored width
     * @param b     B's elements (not modified); {@code bColumns} is B's stored width
     * @param c     receives the {@code rows x columns} product (modified; must not be {@code a} or {@code b})
     * @param depth the shared dimension
     * @param bias  {@code columns} numbers added to every row of the product, or null for none
     */
    void multiply(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            double[] c, int rows, int columns, int depth, double[] bias) {
        long work = (long) rows * columns * depth;
        Float64Kernel kernel = blocked.kernel();
        // Strides rather than Layouts on the small paths: batch-1 inference then allocates nothing here.
        int aRowStride = transposeA ? 1 : aColumns;
        int aColumnStride = transposeA ? aColumns : 1;
        if (work <= MatrixMultiply.TINY) {
            direct(a, aRowStride, aColumnStride, b, transposeB ? 1 : bColumns, transposeB ? bColumns : 1, c, rows,
                    columns, depth);
            addBias(bias, 0, c, 0, columns, rows, columns);
        } else if (rows <= MatrixMultiply.FEW_ROWS && !transposeB) {
            for (int i = 0; i < rows; i++) {
                kernel.row(depth, columns, a, i * aRowStride, aColumnStride, b, 0, bColumns, c, i * columns, false);
            }
            addBias(bias, 0, c, 0, columns, rows, columns);
        } else {
            Layout aLayout = Layout.of(aColumns, transposeA);
            Layout bLayout = Layout.of(bColumns, transposeB);
            List<Runnable> tasks = new ArrayList<>();
            for (Part part : Part.split(rows, columns, work, kernel.rows(), kernel.columns(), pool.threads())) {
                int at = part.row() * columns + part.column();
                tasks.add(() -> {
                    blocked.multiply(a, aLayout.block(part.row(), 0), b, bLayout.block(0, part.column()), c, at,
                            columns, part.rows(), part.columns(), depth);
                    addBias(bias, part.column(), c, at, columns, part.rows(), part.columns());
                });
            }
            pool.runAll(tasks);
        }
    }

    /**
     * {@code c[at + r * step + j] += bias[first + j]} for the {@code rows x columns} block of C at {@code at}; nothing
     * when {@code bias} is null.
     */
    private static void addBias(double[] bias, int first, double[] c, int at, int step, int rows, int columns) {
        if (bias == null) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int from = at + r * step;
            int shift = first - from;
            for (int i = from; i < from + columns; i++) {
                c[i] = c[i] + bias[i + shift];
            }
        }
    }

    /**
     * The textbook product, for products too small to be worth packing: {@code C(i, j) = sum over k of
     * op(A)(i, k) op(B)(k, j)}, the kernels' chain of fused multiply-adds ({@link Float64Kernel}), with element
     * {@code (i, k)} of {@code op(A)} at {@code i * aRowStride + k * aColumnStride} and likewise for B.
     */
    private static void direct(double[] a, int aRowStride, int aColumnStride, double[] b, int bRowStride,
            int bColumnStride, double[] c, int rows, int columns, int depth) {
        Arrays.fill(c, 0, rows * columns, 0);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < depth; k++) {
                double aik = a[i * aRowStride + k * aColumnStride];
                for (int j = 0; j < columns; j++) {
                    c[i * columns + j] = Math.fma(aik, b[k * bRowStride + j * bColumnStride], c[i * columns + j]);
                }
            }
        }
    }
}

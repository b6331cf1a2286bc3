package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code C = op(A) op(B)} over row-major arrays, for each dtype; transposes are read through {@link Layout}s, never
 * materialised. Chooses a path by size: a tiny product runs the textbook loop ({@link DirectMultiply}); one of one
 * or two rows (batch-1 inference) runs the kernel's row loop straight over B; anything larger is blocked and packed
 * ({@link Float32Blocked}), and a product worth it is split into as many blocks of C as there are threads, which
 * the threads claim in turn ({@link ComputePool}).
 */
final class MatrixMultiply {

    /** Products of at most this many multiply-adds run the textbook loop. */
    static final long TINY = 16 * 16 * 16;
    /** Products with at most this many rows (and B not transposed) run the kernel's row loop, unpacked. */
    static final int FEW_ROWS = 2;
    /** Products of at least this many multiply-adds are shared among the threads. */
    static final long SHARED = 1L << 21;

    private final Float32Blocked float32;
    private final Float64Blocked float64;
    private final ComputePool pool;

    MatrixMultiply(KernelChoice kernels, ComputePool pool) {
        this.float32 = new Float32Blocked(kernels.float32());
        this.float64 = new Float64Blocked(kernels.float64());
        this.pool = pool;
    }

    /** The product shared by every plain backend, with the kernels and threads that the system properties choose. */
    static MatrixMultiply shared() {
        return Shared.INSTANCE;
    }

    /**
     * {@code C = op(A) op(B)} in float arithmetic.
     *
     * @param a     A's elements (not modified); {@code aColumns} is A's stored width
     * @param b     B's elements (not modified); {@code bColumns} is B's stored width
     * @param c     receives the {@code rows x columns} product (modified; must not be {@code a} or {@code b})
     * @param depth the shared dimension
     */
    void float32(float[] a, boolean transposeA, int aColumns, float[] b, boolean transposeB, int bColumns,
            float[] c, int rows, int columns, int depth) {
        Layout aLayout = Layout.of(aColumns, transposeA);
        Layout bLayout = Layout.of(bColumns, transposeB);
        long work = (long) rows * columns * depth;
        if (work <= TINY) {
            DirectMultiply.float32(a, aLayout, b, bLayout, c, rows, columns, depth);
        } else if (rows <= FEW_ROWS && !transposeB) {
            for (int i = 0; i < rows; i++) {
                float32.kernel().row(depth, columns, a, aLayout.index(i, 0), aLayout.columnStride(), b, 0, bColumns,
                        c, i * columns, false);
            }
        } else {
            List<Runnable> tasks = new ArrayList<>();
            for (Part part : parts(rows, columns, work, float32.kernel().rows(), float32.kernel().columns())) {
                tasks.add(() -> float32.multiply(a, aLayout.block(part.row(), 0), b, bLayout.block(0, part.column()),
                        c, part.row() * columns + part.column(), columns, part.rows(), part.columns(), depth));
            }
            run(tasks);
        }
    }

    /** As {@link #float32}, in double arithmetic. */
    void float64(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            double[] c, int rows, int columns, int depth) {
        Layout aLayout = Layout.of(aColumns, transposeA);
        Layout bLayout = Layout.of(bColumns, transposeB);
        long work = (long) rows * columns * depth;
        if (work <= TINY) {
            DirectMultiply.float64(a, aLayout, b, bLayout, c, rows, columns, depth);
        } else if (rows <= FEW_ROWS && !transposeB) {
            for (int i = 0; i < rows; i++) {
                float64.kernel().row(depth, columns, a, aLayout.index(i, 0), aLayout.columnStride(), b, 0, bColumns,
                        c, i * columns, false);
            }
        } else {
            List<Runnable> tasks = new ArrayList<>();
            for (Part part : parts(rows, columns, work, float64.kernel().rows(), float64.kernel().columns())) {
                tasks.add(() -> float64.multiply(a, aLayout.block(part.row(), 0), b, bLayout.block(0, part.column()),
                        c, part.row() * columns + part.column(), columns, part.rows(), part.columns(), depth));
            }
            run(tasks);
        }
    }

    /** What multiplies, for the log and for tests: the kernels and the number of threads. */
    String describe() {
        return float32.kernel().description() + " kernel, " + pool.threads() + " thread(s)";
    }

    /**
     * Splits C into one block per thread along its longer side, in whole kernel tiles, or keeps it whole when the
     * product is too small to be worth sharing.
     */
    private List<Part> parts(int rows, int columns, long work, int tileRows, int tileColumns) {
        boolean byRows = rows >= columns;
        int length = byRows ? rows : columns;
        int unit = byRows ? tileRows : tileColumns;
        int count = work < SHARED ? 1 : Math.min(pool.threads(), (length + unit - 1) / unit);
        List<Part> parts = new ArrayList<>(count);
        int start = 0;
        for (int p = 0; p < count; p++) {
            int end = p == count - 1 ? length : Math.min(length, start + roundUp((length - start) / (count - p), unit));
            if (end > start) {
                parts.add(byRows ? new Part(start, 0, end - start, columns) : new Part(0, start, rows, end - start));
            }
            start = end;
        }
        return parts;
    }

    private void run(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
        } else {
            pool.runAll(tasks);
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** A block of C: its first row and column and its size. */
    private record Part(int row, int column, int rows, int columns) {
    }

    /** Created on first use, so that the kernels are chosen and logged once and only when a product is needed. */
    private static final class Shared {
        static final MatrixMultiply INSTANCE = new MatrixMultiply(
                KernelChoice.select(System.getProperty(KernelChoice.PROPERTY)),
                new ComputePool(ComputePool.threadsFrom(System.getProperty(ComputePool.PROPERTY))));
    }
}

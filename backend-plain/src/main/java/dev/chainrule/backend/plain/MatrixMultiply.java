package dev.chainrule.backend.plain;

/**
 * {@code C = op(A) op(B)} over row-major arrays, for each dtype ({@link Float32Product}, {@link Float64Product});
 * transposes are read through {@link Layout}s, never materialised. A product chooses its path by size: a tiny one
 * runs the textbook loop; one of one or two rows (batch-1 inference) runs the kernel's row loop straight over B;
 * anything larger is blocked and packed ({@link Float32Blocked}), and a product worth it is split into as many blocks
 * of C as there are threads, which the threads claim in turn ({@link ComputePool}).
 */
final class MatrixMultiply {

    /** Products of at most this many multiply-adds run the textbook loop. */
    static final long TINY = 16 * 16 * 16;
    /** Products with at most this many rows (and B not transposed) run the kernel's row loop, unpacked. */
    static final int FEW_ROWS = 2;
    /** Products of at least this many multiply-adds are shared among the threads. */
    static final long SHARED = 1L << 21;

    private final Float32Product float32;
    private final Float64Product float64;
    private final ComputePool pool;
    private final Float32Functions float32Functions;
    private final Float32Convolution float32Convolution;
    private final Float64Convolution float64Convolution;

    MatrixMultiply(KernelChoice kernels, ComputePool pool) {
        this.float32 = new Float32Product(kernels.float32(), pool);
        this.float64 = new Float64Product(kernels.float64(), pool);
        this.pool = pool;
        this.float32Functions = kernels.float32Functions();
        this.float32Convolution = new Float32Convolution(float32.blocked(), pool);
        this.float64Convolution = new Float64Convolution(float64.blocked(), pool);
    }

    /** The FLOAT32 convolution, lowered to this product's kernel and threads. */
    Float32Convolution float32Convolution() {
        return float32Convolution;
    }

    /** The FLOAT64 convolution, lowered to this product's kernel and threads. */
    Float64Convolution float64Convolution() {
        return float64Convolution;
    }

    /** The product shared by every plain backend, with the kernels and threads that the system properties choose. */
    static MatrixMultiply shared() {
        return Shared.INSTANCE;
    }

    /** The FLOAT32 product: see {@link Float32Product#multiply}. */
    void float32(float[] a, boolean transposeA, int aColumns, float[] b, boolean transposeB, int bColumns,
            float[] c, int rows, int columns, int depth) {
        float32.multiply(a, transposeA, aColumns, b, transposeB, bColumns, c, rows, columns, depth, null);
    }

    /** The FLOAT32 product with a bias row added, or none when {@code bias} is null: see {@link Float32Product#multiply}. */
    void float32(float[] a, boolean transposeA, int aColumns, float[] b, boolean transposeB, int bColumns,
            float[] c, int rows, int columns, int depth, float[] bias) {
        float32.multiply(a, transposeA, aColumns, b, transposeB, bColumns, c, rows, columns, depth, bias);
    }

    /** The FLOAT64 product: see {@link Float64Product#multiply}. */
    void float64(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            double[] c, int rows, int columns, int depth) {
        float64.multiply(a, transposeA, aColumns, b, transposeB, bColumns, c, rows, columns, depth, null);
    }

    /** The FLOAT64 product with a bias row added, or none when {@code bias} is null: see {@link Float64Product#multiply}. */
    void float64(double[] a, boolean transposeA, int aColumns, double[] b, boolean transposeB, int bColumns,
            double[] c, int rows, int columns, int depth, double[] bias) {
        float64.multiply(a, transposeA, aColumns, b, transposeB, bColumns, c, rows, columns, depth, bias);
    }

    /** The FLOAT32 {@code exp} and {@code tanh} chosen with the kernels. */
    Float32Functions float32Functions() {
        return float32Functions;
    }

    /** The threads that share large products (and long element-wise passes). */
    ComputePool pool() {
        return pool;
    }

    /** What multiplies, for the log and for tests: the kernels and the number of threads. */
    String describe() {
        return float32.kernel().description() + " kernel, " + pool.threads() + " thread(s)";
    }

    /** Created on first use, so that the kernels are chosen and logged once and only when a product is needed. */
    private static final class Shared {
        static final MatrixMultiply INSTANCE = new MatrixMultiply(
                KernelChoice.select(System.getProperty(KernelChoice.PROPERTY)),
                new ComputePool(ComputePool.threadsFrom(System.getProperty(ComputePool.PROPERTY))));
    }
}

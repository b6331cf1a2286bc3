package dev.chainrule.backend.plain;

/**
 * The innermost loops of a FLOAT64 matrix product, the only code that touches every multiply-add. The blocked
 * product ({@link Float64Blocked}) packs its operands so that a kernel reads them contiguously.
 *
 * <p>Both methods <b>modify</b> only {@code c}; with {@code accumulate} they add to it, otherwise they overwrite it.
 *
 * <p>Every kernel computes each element of C as the same chain of fused multiply-adds, {@code s = fma(A(k), B(k), s)}
 * for k in increasing order, starting from C's element when accumulating and from {@code +0.0} otherwise: an
 * operation whose result Java specifies exactly ({@link Math#fma}, lane by lane in the Vector API), so that a
 * product has the same bits whichever kernel, vector width, blocking, thread split or JIT tier computes it.
 */
interface Float64Kernel {

    /** What the kernel is, for the log: {@code "vector, 8 lanes"} (of the element type) or {@code "scalar"}. */
    String description();

    /** Rows of C that {@link #tile} computes at once (MR). */
    int rows();

    /** Columns of C that {@link #tile} computes at once (NR). */
    int columns();

    /**
     * A full {@code rows() x columns()} tile: {@code C(r, j) (+)= sum over k of A(r, k) B(k, j)}, where
     * {@code A(r, k) = a[aOffset + k * rows() + r]} (a packed micro-panel),
     * {@code B(k, j) = b[bOffset + k * bStep + j]} and {@code C(r, j) = c[cOffset + r * cStep + j]}.
     */
    void tile(int depth, double[] a, int aOffset, double[] b, int bOffset, int bStep, double[] c, int cOffset,
            int cStep, boolean accumulate);

    /**
     * One row of a product, for products with very few rows: {@code C(j) (+)= sum over k of A(k) B(k, j)} for
     * {@code j < width}, where {@code A(k) = a[aOffset + k * aStep]}, {@code B(k, j) = b[bOffset + k * bStep + j]}
     * and {@code C(j) = c[cOffset + j]}.
     */
    void row(int depth, int width, double[] a, int aOffset, int aStep, double[] b, int bOffset, int bStep,
            double[] c, int cOffset, boolean accumulate);
}

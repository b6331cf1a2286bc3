package dev.chainrule.backend.plain;

/**
 * A FLOAT64 product computed block by block on one thread: for each {@code nc}-wide block of B and each
 * {@code kc}-deep slice, pack that block of B; for each {@code mc}-tall block of A, pack it and run the kernel over
 * every tile of C that the two blocks make (Goto and van de Geijn's loop order). Partial tiles at the edges are
 * computed into a scratch tile and copied.
 * Each thread keeps its packing buffers from product to product (at most {@code (mc + nc) kc} elements), since
 * zeroing new ones would cost a noticeable share of a mid-sized product.
 */
final class Float64Blocked {

    /** A with at most this many kernel tiles of rows reads B in place instead of packing it. */
    static final int IN_PLACE_B_TILES = 4;

    private final Float64Kernel kernel;
    private final Blocking blocking;
    private final ThreadLocal<double[][]> buffers = ThreadLocal.withInitial(() -> new double[3][0]);

    Float64Blocked(Float64Kernel kernel, Blocking blocking) {
        this.kernel = kernel;
        this.blocking = blocking;
    }

    Float64Blocked(Float64Kernel kernel) {
        this(kernel, Blocking.forKernel(kernel.rows(), kernel.columns(), Double.BYTES));
    }

    Float64Kernel kernel() {
        return kernel;
    }

    /**
     * {@code C = op(A) op(B)} for the {@code rows x columns} block of C that starts at {@code c[cOffset]} with row
     * stride {@code cStep}; the layouts place element {@code (0, 0)} of the matching blocks of {@code op(A)}
     * ({@code rows x depth}) and {@code op(B)} ({@code depth x columns}). Modifies only that block of {@code c}.
     *
     * <p>When A has few rows and B's rows are contiguous, each packed panel of B would serve only a few tiles, so
     * the kernel reads B where it lies and only the ragged last panel is packed.
     */
    void multiply(double[] a, Layout aLayout, double[] b, Layout bLayout, double[] c, int cOffset, int cStep,
            int rows, int columns, int depth) {
        multiply(a, aLayout, b, bLayout, c, cOffset, cStep, rows, columns, depth, false);
    }

    /**
     * As {@link #multiply(double[], Layout, double[], Layout, double[], int, int, int, int, int)}, and when
     * {@code accumulate} adds the product to that block of {@code c} ({@code C += op(A) op(B)}) in the kernel's own
     * accumulation, with no temporary and no second pass.
     */
    void multiply(double[] a, Layout aLayout, double[] b, Layout bLayout, double[] c, int cOffset, int cStep,
            int rows, int columns, int depth, boolean accumulate) {
        product(a, aLayout, null, b, bLayout, c, cOffset, cStep, rows, columns, depth, accumulate);
    }

    /** The elements that {@link #packWhole} writes for a {@code rows x depth} A. */
    int packedSize(int rows, int depth) {
        return roundUp(rows, kernel.rows()) * depth;
    }

    /**
     * Packs the whole {@code rows x depth} A that {@code layout} places into {@code packed} (at least
     * {@link #packedSize} long) as {@link #multiply} packs it block by block: one {@code kc}-deep slice after the
     * other, each slice {@code rows} (rounded up to the kernel's rows) tall. A caller that multiplies by the same A
     * many times, such as a convolution by its kernel once per example, packs it once for {@link #multiplyPacked}.
     */
    void packWhole(double[] a, Layout layout, int rows, int depth, double[] packed) {
        int kc = Math.min(blocking.depth(), depth);
        int paddedRows = roundUp(rows, kernel.rows());
        for (int pc = 0; pc < depth; pc += kc) {
            Float64Packing.packA(a, layout, 0, pc, rows, Math.min(kc, depth - pc), kernel.rows(), packed,
                    pc * paddedRows);
        }
    }

    /**
     * As {@link #multiply(double[], Layout, double[], Layout, double[], int, int, int, int, int, boolean)}, with an A
     * that {@link #packWhole} has packed already ({@code rows x depth}).
     */
    void multiplyPacked(double[] packedA, double[] b, Layout bLayout, double[] c, int cOffset, int cStep, int rows,
            int columns, int depth, boolean accumulate) {
        product(null, null, packedA, b, bLayout, c, cOffset, cStep, rows, columns, depth, accumulate);
    }

    /** The blocked product, packing A block by block, or reading its blocks in {@code wholeA} when that is given. */
    private void product(double[] a, Layout aLayout, double[] wholeA, double[] b, Layout bLayout, double[] c,
            int cOffset, int cStep, int rows, int columns, int depth, boolean accumulate) {
        int mr = kernel.rows();
        int nr = kernel.columns();
        int kc = Math.min(blocking.depth(), depth);
        int paddedRows = roundUp(rows, mr);
        boolean readBInPlace = bLayout.columnStride() == 1 && rows <= IN_PLACE_B_TILES * mr;
        double[] packedA = wholeA != null ? wholeA : buffer(0, roundUp(Math.min(blocking.rows(), rows), mr) * kc);
        double[] packedB = buffer(1, roundUp(readBInPlace ? nr : Math.min(blocking.columns(), columns), nr) * kc);
        double[] edge = buffer(2, mr * nr);
        for (int jc = 0; jc < columns; jc += blocking.columns()) {
            int nb = Math.min(blocking.columns(), columns - jc);
            int inPlace = readBInPlace ? nb / nr * nr : 0;
            for (int pc = 0; pc < depth; pc += kc) {
                int kb = Math.min(kc, depth - pc);
                Float64Packing.packB(b, bLayout, pc, jc + inPlace, kb, nb - inPlace, nr, packedB);
                int bOffset = bLayout.index(pc, jc);
                for (int ic = 0; ic < rows; ic += blocking.rows()) {
                    int mb = Math.min(blocking.rows(), rows - ic);
                    int aOffset = 0;
                    if (wholeA == null) {
                        Float64Packing.packA(a, aLayout, ic, pc, mb, kb, mr, packedA, 0);
                    } else {
                        aOffset = pc * paddedRows + ic * kb;
                    }
                    tiles(kb, mb, nb, packedA, aOffset, b, bOffset, bLayout.rowStride(), inPlace, packedB, c,
                            cOffset + ic * cStep + jc, cStep, accumulate || pc > 0, edge);
                }
            }
        }
    }

    /**
     * Runs the kernel over every tile of one block pair; the B micro-panel stays in L1 across the rows, the A block's
     * micro-panels start at {@code packedA[aOffset]}. The kernel
     * finds B's columns before {@code inPlaceColumns} in {@code bInPlace} itself (element {@code (k, j)} at
     * {@code bInPlaceOffset + k * bInPlaceStep + j}), the rest packed in {@code packedB}.
     */
    private void tiles(int depth, int rows, int columns, double[] packedA, int aOffset, double[] bInPlace,
            int bInPlaceOffset, int bInPlaceStep, int inPlaceColumns, double[] packedB, double[] c, int cOffset,
            int cStep, boolean accumulate, double[] edge) {
        int mr = kernel.rows();
        int nr = kernel.columns();
        for (int jr = 0; jr < columns; jr += nr) {
            int tileColumns = Math.min(nr, columns - jr);
            boolean inPlace = jr < inPlaceColumns;
            double[] b = inPlace ? bInPlace : packedB;
            int bOffset = inPlace ? bInPlaceOffset + jr : (jr - inPlaceColumns) * depth;
            int bStep = inPlace ? bInPlaceStep : nr;
            for (int ir = 0; ir < rows; ir += mr) {
                int tileRows = Math.min(mr, rows - ir);
                int at = cOffset + ir * cStep + jr;
                if (tileRows == mr && tileColumns == nr) {
                    kernel.tile(depth, packedA, aOffset + ir * depth, b, bOffset, bStep, c, at, cStep, accumulate);
                } else {
                    edgeTile(depth, tileRows, tileColumns, packedA, aOffset + ir * depth, b, bOffset, bStep, c, at,
                            cStep, accumulate, edge);
                }
            }
        }
    }

    /**
     * A partial tile, computed in the full-size scratch tile {@code edge}: when accumulating, C's elements are copied
     * in first, so that the kernel continues their chains as it does in a full tile.
     */
    private void edgeTile(int depth, int tileRows, int tileColumns, double[] packedA, int aOffset, double[] b,
            int bOffset, int bStep, double[] c, int at, int cStep, boolean accumulate, double[] edge) {
        int nr = kernel.columns();
        if (accumulate) {
            for (int r = 0; r < tileRows; r++) {
                System.arraycopy(c, at + r * cStep, edge, r * nr, tileColumns);
            }
        }
        kernel.tile(depth, packedA, aOffset, b, bOffset, bStep, edge, 0, nr, accumulate);
        for (int r = 0; r < tileRows; r++) {
            System.arraycopy(edge, r * nr, c, at + r * cStep, tileColumns);
        }
    }

    /** This thread's buffer {@code which}, grown to at least {@code size}; packing overwrites what it uses. */
    private double[] buffer(int which, int size) {
        double[][] own = buffers.get();
        if (own[which].length < size) {
            own[which] = new double[size];
        }
        return own[which];
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}

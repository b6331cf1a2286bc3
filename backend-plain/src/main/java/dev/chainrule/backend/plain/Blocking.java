package dev.chainrule.backend.plain;

/**
 * The cache blocking of a blocked product (Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication", 2008): a {@code depth x columns} block of B is packed once and stays in the last-level cache, a
 * {@code rows x depth} block of A is packed for it and stays in L2, and one kernel-wide micro-panel of B stays in L1
 * while the kernel runs down the A block.
 *
 * @param depth   kc, the shared dimension of one packed block
 * @param rows    mc, rows of A per packed block; a multiple of the kernel's rows
 * @param columns nc, columns of B per packed block; a multiple of the kernel's columns
 */
record Blocking(int depth, int rows, int columns) {

    /** Blocks sized for a kernel with the given tile and element size, for caches of a current x86 or ARM core. */
    static Blocking forKernel(int kernelRows, int kernelColumns, int elementBytes) {
        int depth = 1024 / elementBytes;
        int rows = roundDown(192, kernelRows);
        int columns = roundDown(2048, kernelColumns);
        return new Blocking(depth, rows, columns);
    }

    private static int roundDown(int value, int multiple) {
        return Math.max(multiple, value / multiple * multiple);
    }
}

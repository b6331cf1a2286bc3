package dev.chainrule.backend.plain;

/**
 * Where element {@code (row, column)} of a matrix operand lives in its row-major array:
 * {@code offset + row * rowStride + column * columnStride}. A transposed operand is the same array with the two
 * strides swapped, so that no transpose is ever materialised; a block of an operand is the same array with a
 * larger offset.
 *
 * @param offset       index of element {@code (0, 0)}
 * @param rowStride    distance between consecutive rows
 * @param columnStride distance between consecutive columns
 */
record Layout(int offset, int rowStride, int columnStride) {

    /** The layout of {@code op(X)} for a row-major {@code X} that stores {@code storedColumns} per row. */
    static Layout of(int storedColumns, boolean transposed) {
        return transposed ? new Layout(0, 1, storedColumns) : new Layout(0, storedColumns, 1);
    }

    /** Index of element {@code (row, column)}. */
    int index(int row, int column) {
        return offset + row * rowStride + column * columnStride;
    }

    /** The layout of the block whose element {@code (0, 0)} is this operand's {@code (row, column)}. */
    Layout block(int row, int column) {
        return new Layout(index(row, column), rowStride, columnStride);
    }

    /** Whether rows are contiguous (the operand is not transposed). */
    boolean rowsContiguous() {
        return columnStride == 1;
    }
}

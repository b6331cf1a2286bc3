package dev.chainrule.backend.plain;

import java.util.Arrays;

/**
 * Copies blocks of the operands of a FLOAT64 product into the order in which {@link Float64Kernel#tile} reads
 * them, padding partial panels with zeros. Packing is where a transposed operand is handled: each method reads
 * along whichever direction of the operand is contiguous.
 */
final class Float64Packing {

    private Float64Packing() {
    }

    /**
     * Packs the {@code rows x depth} block of A whose corner is element {@code (row, column)} of {@code a}'s
     * {@code layout} into micro-panels of
     * {@code panelRows} rows: element {@code (r, k)} of panel {@code p} goes to
     * {@code packed[packedOffset + p * panelRows * depth + k * panelRows + r % panelRows]}.
     */
    static void packA(double[] a, Layout layout, int row, int column, int rows, int depth, int panelRows,
            double[] packed, int packedOffset) {
        for (int first = 0; first < rows; first += panelRows) {
            int base = packedOffset + first * depth;
            int count = Math.min(panelRows, rows - first);
            if (layout.rowStride() == 1) {
                for (int k = 0; k < depth; k++) {
                    System.arraycopy(a, layout.index(row + first, column + k), packed, base + k * panelRows, count);
                }
            } else {
                for (int r = 0; r < count; r++) {
                    int from = layout.index(row + first + r, column);
                    int step = layout.columnStride();
                    for (int k = 0, to = base + r; k < depth; k++, to += panelRows) {
                        packed[to] = a[from + k * step];
                    }
                }
            }
            if (count < panelRows) {
                for (int k = 0; k < depth; k++) {
                    int to = base + k * panelRows;
                    Arrays.fill(packed, to + count, to + panelRows, 0);
                }
            }
        }
    }

    /**
     * Packs the {@code depth x columns} block of B whose corner is element {@code (row, column)} of {@code b}'s
     * {@code layout} into micro-panels of
     * {@code panelColumns} columns: element {@code (k, j)} of panel {@code q} goes to
     * {@code packed[q * panelColumns * depth + k * panelColumns + j % panelColumns]}.
     */
    static void packB(double[] b, Layout layout, int row, int column, int depth, int columns, int panelColumns,
            double[] packed) {
        for (int first = 0; first < columns; first += panelColumns) {
            int base = first * depth;
            int count = Math.min(panelColumns, columns - first);
            if (layout.columnStride() == 1) {
                for (int k = 0; k < depth; k++) {
                    System.arraycopy(b, layout.index(row + k, column + first), packed, base + k * panelColumns, count);
                }
            } else {
                for (int j = 0; j < count; j++) {
                    int from = layout.index(row, column + first + j);
                    int step = layout.rowStride();
                    for (int k = 0, to = base + j; k < depth; k++, to += panelColumns) {
                        packed[to] = b[from + k * step];
                    }
                }
            }
            if (count < panelColumns) {
                for (int k = 0; k < depth; k++) {
                    int to = base + k * panelColumns;
                    Arrays.fill(packed, to + count, to + panelColumns, 0);
                }
            }
        }
    }
}

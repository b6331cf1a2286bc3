package dev.chainrule.backend.plain;

import java.util.Arrays;

/**
 * Copies blocks of the operands of a FLOAT32 product into the order in which {@link Float32Kernel#tile} reads
 * them, padding partial panels with zeros. Packing is where a transposed operand is handled: each method reads
 * along whichever direction of the operand is contiguous.
 */
final class Float32Packing {

    private Float32Packing() {
    }

    /**
     * Packs the {@code rows x depth} block of A whose corner is {@code a}'s {@code layout} into micro-panels of
     * {@code panelRows} rows: element {@code (r, k)} of panel {@code p} goes to
     * {@code packed[p * panelRows * depth + k * panelRows + r % panelRows]}.
     */
    static void packA(float[] a, Layout layout, int rows, int depth, int panelRows, float[] packed) {
        for (int first = 0; first < rows; first += panelRows) {
            int base = first * depth;
            int count = Math.min(panelRows, rows - first);
            if (layout.rowStride() == 1) {
                for (int k = 0; k < depth; k++) {
                    System.arraycopy(a, layout.index(first, k), packed, base + k * panelRows, count);
                }
            } else {
                for (int r = 0; r < count; r++) {
                    int from = layout.index(first + r, 0);
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
     * Packs the {@code depth x columns} block of B whose corner is {@code b}'s {@code layout} into micro-panels of
     * {@code panelColumns} columns: element {@code (k, j)} of panel {@code q} goes to
     * {@code packed[q * panelColumns * depth + k * panelColumns + j % panelColumns]}.
     */
    static void packB(float[] b, Layout layout, int depth, int columns, int panelColumns, float[] packed) {
        for (int first = 0; first < columns; first += panelColumns) {
            int base = first * depth;
            int count = Math.min(panelColumns, columns - first);
            if (layout.columnStride() == 1) {
                for (int k = 0; k < depth; k++) {
                    System.arraycopy(b, layout.index(k, first), packed, base + k * panelColumns, count);
                }
            } else {
                for (int j = 0; j < count; j++) {
                    int from = layout.index(0, first + j);
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

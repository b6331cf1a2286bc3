package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of a product's C that one thread computes: its first row and column and its size.
 *
 * @param row     the block's first row
 * @param column  the block's first column
 * @param rows    its rows
 * @param columns its columns
 */
record Part(int row, int column, int rows, int columns) {

    /**
     * Splits a {@code rows x columns} C into one block per thread along its longer side, in whole kernel tiles, or
     * keeps it whole when the product ({@code work} multiply-adds) is below {@link MatrixMultiply#SHARED}.
     */
    static List<Part> split(int rows, int columns, long work, int tileRows, int tileColumns, int threads) {
        boolean byRows = rows >= columns;
        int length = byRows ? rows : columns;
        int unit = byRows ? tileRows : tileColumns;
        int count = work < MatrixMultiply.SHARED ? 1 : Math.min(threads, (length + unit - 1) / unit);
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

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}

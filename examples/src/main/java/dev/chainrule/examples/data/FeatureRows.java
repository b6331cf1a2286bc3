package dev.chainrule.examples.data;

import java.util.Arrays;

/**
 * Feature numbers collected row by row into one growing array, so that reading a large file keeps eight bytes per
 * number instead of a string per cell.
 */
final class FeatureRows {

    private final int width;
    private double[] values = new double[1024];
    private int size;

    FeatureRows(int width) {
        this.width = width;
    }

    void add(double value) {
        if (size == values.length) {
            if (values.length >= Integer.MAX_VALUE - 8 - width) {
                throw new IllegalArgumentException("the file holds more than " + size + " feature numbers, more "
                        + "than one data set in memory can hold; use --limit or a smaller file");
            }
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, values.length * 2L));
        }
        values[size++] = value;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

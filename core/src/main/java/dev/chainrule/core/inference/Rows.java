package dev.chainrule.core.inference;

/**
 * Rows of Java numbers on their way into a batch's host array and out of it: checked (a row of the wrong width, a
 * number that is not finite) and widened or narrowed, one row at a time.
 */
final class Rows {

    private Rows() {
    }

    /** Copies {@code row} into {@code into} from {@code at}, checking its width and that every number is finite. */
    static void load(double[] row, int index, int width, double[] into, int at) {
        checkWidth(row.length, index, width);
        for (int c = 0; c < width; c++) {
            double value = row[c];
            if (!Double.isFinite(value)) {
                throw notFinite(index, c, value);
            }
            into[at + c] = value;
        }
    }

    /** Checks {@code row}'s width and that every number of it is finite. */
    static void check(float[] row, int index, int width) {
        checkWidth(row.length, index, width);
        checkFinite(row, index, 1, width);
    }

    /** Checks that the {@code count} rows of {@code width} from row {@code first} of {@code rowMajor} are finite. */
    static void checkFinite(float[] rowMajor, int first, int count, int width) {
        for (int i = first * width, end = (first + count) * width; i < end; i++) {
            if (!Float.isFinite(rowMajor[i])) {
                throw notFinite(i / width, i % width, rowMajor[i]);
            }
        }
    }

    /** Widens {@code row} into {@code into} from {@code at}, checked like the {@code double} form. */
    static void load(float[] row, int index, int width, double[] into, int at) {
        checkWidth(row.length, index, width);
        for (int c = 0; c < width; c++) {
            float value = row[c];
            if (!Float.isFinite(value)) {
                throw notFinite(index, c, value);
            }
            into[at + c] = value;
        }
    }

    /** Copies {@code count} rows of {@code width} from {@code rowMajor}, starting at row {@code first}. */
    static void load(double[] rowMajor, int first, int count, int width, double[] into) {
        for (int i = 0, from = first * width; i < count * width; i++, from++) {
            if (!Double.isFinite(rowMajor[from])) {
                throw notFinite(from / width, from % width, rowMajor[from]);
            }
            into[i] = rowMajor[from];
        }
    }

    /** Narrows {@code count} numbers of {@code values} from {@code from} into {@code out} from {@code at}. */
    static void store(double[] values, int from, int count, float[] out, int at) {
        for (int i = 0; i < count; i++) {
            out[at + i] = (float) values[from + i];
        }
    }

    /** The number of rows of {@code width} in a row-major array of {@code length} numbers. */
    static int count(int length, int width) {
        if (length == 0 || length % width != 0) {
            throw new IllegalArgumentException("rows of " + width + " inputs were expected, but the array holds "
                    + length + " numbers, not a positive multiple of " + width);
        }
        return length / width;
    }

    /** Checks that an array for {@code rows x width} results has room for exactly them. */
    static void checkResult(int length, int rows, int width) {
        if (length != (long) rows * width) {
            throw new IllegalArgumentException("the result array must hold " + rows + " x " + width + " = "
                    + (long) rows * width + " numbers, got " + length);
        }
    }

    private static void checkWidth(int length, int index, int width) {
        if (length != width) {
            throw new IllegalArgumentException("row " + index + " has " + length + " values but the network takes "
                    + width);
        }
    }

    private static IllegalArgumentException notFinite(int row, int column, double value) {
        return new IllegalArgumentException("row " + row + ", input " + column + " is " + value
                + "; the network takes finite numbers");
    }
}

package dev.chainrule.core.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a CSV file as its cells, with where it is: what a {@link CsvSource.RowParser} reads. Errors name the
 * file, the 1-based line and the 1-based column.
 */
public final class CsvRow {

    private final String file;
    private long line;
    private byte[] text = new byte[0];
    private int[] bounds = new int[32];
    private int size;
    private byte[] own = new byte[256];
    private int ownLength;

    CsvRow(String file) {
        this.file = file;
    }

    /** Starts line {@code lineNumber}, whose cells lie in {@code bytes} (UTF-8), given by {@link #add}. */
    void start(long lineNumber, byte[] bytes) {
        this.line = lineNumber;
        this.text = bytes;
        this.size = 0;
    }

    /** Starts line {@code lineNumber}, whose cells are given as text by {@link #add(String)}. */
    void start(long lineNumber) {
        start(lineNumber, own);
        ownLength = 0;
    }

    /** Appends the next cell: the bytes {@code [from, to)} of the line's bytes. */
    void add(int from, int to) {
        if (2 * size == bounds.length) {
            bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * size] = from;
        bounds[2 * size + 1] = to;
        size++;
    }

    /** Appends the next cell as text, after {@link #start(long)}. */
    void add(String cell) {
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        if (ownLength + bytes.length > own.length) {
            own = Arrays.copyOf(own, Math.max(2 * own.length, ownLength + bytes.length));
            text = own;
        }
        System.arraycopy(bytes, 0, own, ownLength, bytes.length);
        add(ownLength, ownLength + bytes.length);
        ownLength += bytes.length;
    }

    /** Whether the line is blank: one cell of nothing but spaces. */
    boolean isBlank() {
        return size == 1 && raw(0).isBlank();
    }

    /** Every cell, untrimmed. */
    String[] cells() {
        String[] cells = new String[size];
        for (int column = 0; column < size; column++) {
            cells[column] = raw(column);
        }
        return cells;
    }

    /** The file's name, for messages. */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }

    /** The number of cells. */
    public int size() {
        return size;
    }

    /** Cell {@code column} (0-based), trimmed. */
    public String cell(int column) {
        return raw(column).trim();
    }

    /** Cell {@code column} (0-based) as a finite number; anything else is an error naming file, line and column. */
    public double number(int column) {
        try {
            int at = 2 * Objects.checkIndex(column, size);
            double value = DecimalText.parse(text, bounds[at], bounds[at + 1]);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(column, "'" + raw(column) + "' is not a finite number");
    }

    /** An error about cell {@code column} (0-based) of this line. */
    public IllegalArgumentException error(int column, String problem) {
        return new IllegalArgumentException(file + ", line " + line + ", column " + (column + 1) + ": " + problem);
    }

    /** An error about this line. */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(file + ", line " + line + ": " + problem);
    }

    private String raw(int column) {
        int at = 2 * Objects.checkIndex(column, size);
        return new String(text, bounds[at], bounds[at + 1] - bounds[at], StandardCharsets.UTF_8);
    }
}

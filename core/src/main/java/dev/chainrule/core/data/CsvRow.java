package dev.chainrule.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a CSV file as its cells, with where it is: what a {@link CsvSource.RowParser} reads. Errors name the
 * file, the 1-based line and the 1-based column.
 */
public final class CsvRow {

    private final String file;
    private long line;
    private String[] cells = new String[16];
    private int size;

    CsvRow(String file) {
        this.file = file;
    }

    /** Starts a new line: no cells yet. */
    void start(long lineNumber) {
        this.line = lineNumber;
        this.size = 0;
    }

    /** Appends the next cell. */
    void add(String cell) {
        if (size == cells.length) {
            cells = Arrays.copyOf(cells, 2 * size);
        }
        cells[size++] = cell;
    }

    /** Whether the line is blank: one cell of nothing but spaces. */
    boolean isBlank() {
        return size == 1 && cells[0].isBlank();
    }

    /** Every cell, untrimmed. */
    String[] cells() {
        return Arrays.copyOf(cells, size);
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
            double value = DecimalText.parse(raw(column));
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
        return cells[Objects.checkIndex(column, size)];
    }
}

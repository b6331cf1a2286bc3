package dev.chainrule.core.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a CSV file as its cells, with where it is: what a {@link CsvSource.RowParser} reads. Errors name the
 * file, the 1-based line and the 1-based column.
 */
public final class CsvRow {

    /** A cell's number not read yet: any negative value. */
    static final double NOT_READ = -1;

    private final String file;
    private long line;
    private byte[] text = new byte[0];
    private int first;
    private int[] ends = new int[64];
    /** Each cell's number when read on {@link #add}, else {@link #NOT_READ}. */
    private double[] values = new double[64];
    private int size;
    private byte[] own = new byte[256];
    private int ownLength;

    CsvRow(String file) {
        this.file = file;
    }

    /**
     * Starts line {@code lineNumber}, whose first cell begins at {@code bytes[first]} (UTF-8); each further cell begins
     * one byte (its comma) after the end of the cell before it. The cells are given by {@link #add} or written into
     * {@link #ends()} and {@link #values()}.
     */
    void start(long lineNumber, byte[] bytes, int first) {
        this.line = lineNumber;
        this.text = bytes;
        this.first = first;
        this.size = 0;
    }

    /** Starts line {@code lineNumber}, whose cells are given as text by {@link #add(String)}. */
    void start(long lineNumber) {
        start(lineNumber, own, 0);
        ownLength = 0;
    }

    /**
     * Appends the next cell, which ends before {@code text[to]}. A cell of one to eight digits is read as its number
     * now, while its bytes are at hand ({@link DecimalText#unsignedInteger}); any other when asked.
     */
    void add(int to) {
        reserve(1);
        int from = start(size);
        ends[size] = to;
        values[size] = DecimalText.unsignedInteger(text, from, to);
        size++;
    }

    /** Makes room for {@code cells} more cells in {@link #ends()} and {@link #values()}. */
    void reserve(int cells) {
        if (size + cells > ends.length) {
            int length = Math.max(2 * ends.length, size + cells);
            ends = Arrays.copyOf(ends, length);
            values = Arrays.copyOf(values, length);
        }
    }

    /**
     * Where each cell ends (the index of the byte after it), for a splitter to write from index {@link #size()} on,
     * within what {@link #reserve} made room for, then to call {@link #size(int)}.
     */
    int[] ends() {
        return ends;
    }

    /** Each cell's number as the splitter read it, exactly what {@code Double.parseDouble} gives, or {@link #NOT_READ}. */
    double[] values() {
        return values;
    }

    /** Sets the number of cells, after a splitter has written them. */
    void size(int cells) {
        size = cells;
    }

    /** Appends the next cell as text, after {@link #start(long)}. */
    void add(String cell) {
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        if (ownLength + bytes.length + 1 > own.length) {
            own = Arrays.copyOf(own, Math.max(2 * own.length, ownLength + bytes.length + 1));
            text = own;
        }
        System.arraycopy(bytes, 0, own, ownLength, bytes.length);
        ownLength += bytes.length;
        add(ownLength);
        own[ownLength++] = ',';
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
        double read = values[Objects.checkIndex(column, size)];
        if (read >= 0) {
            return read;
        }
        try {
            double value = DecimalText.parse(text, start(column), ends[column]);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(column, "'" + raw(column) + "' is not a finite number");
    }

    /**
     * Cells {@code column .. column + count - 1} (0-based) as finite numbers, written into {@code into[at ..]}
     * (modified): what {@link #number} gives for each, at less cost a cell for a run of columns.
     *
     * @throws IllegalArgumentException naming file, line and column for a cell that is no finite number
     */
    public void numbers(int column, int count, double[] into, int at) {
        Objects.checkFromIndexSize(column, count, size);
        Objects.checkFromIndexSize(at, count, into.length);
        System.arraycopy(values, column, into, at, count);
        // a cell not read yet holds a negative value: one pass over the sign bits says whether there is any
        long signs = 0;
        for (int c = 0; c < count; c++) {
            signs |= Double.doubleToRawLongBits(values[column + c]);
        }
        if (signs < 0) {
            for (int c = 0; c < count; c++) {
                into[at + c] = number(column + c);
            }
        }
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
        int from = start(Objects.checkIndex(column, size));
        return new String(text, from, ends[column] - from, StandardCharsets.UTF_8);
    }

    private int start(int column) {
        return column == 0 ? first : ends[column - 1] + 1;
    }
}

package dev.chainrule.core.data;

/**
 * One line of a CSV file as its cells, with where it is: what a {@link CsvSource.RowParser} reads. Errors name the
 * file, the 1-based line and the 1-based column.
 */
public final class CsvRow {

    private final String file;
    private long line;
    private String[] cells;

    CsvRow(String file) {
        this.file = file;
    }

    void set(long lineNumber, String[] values) {
        this.line = lineNumber;
        this.cells = values;
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
        return cells.length;
    }

    /** Cell {@code column} (0-based), trimmed. */
    public String cell(int column) {
        return cells[column].trim();
    }

    /** Cell {@code column} (0-based) as a finite number; anything else is an error naming file, line and column. */
    public double number(int column) {
        String cell = cells[column];
        try {
            double value = Double.parseDouble(cell.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(column, "'" + cell + "' is not a finite number");
    }

    /** An error about cell {@code column} (0-based) of this line. */
    public IllegalArgumentException error(int column, String problem) {
        return new IllegalArgumentException(file + ", line " + line + ", column " + (column + 1) + ": " + problem);
    }

    /** An error about this line. */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(file + ", line " + line + ": " + problem);
    }
}

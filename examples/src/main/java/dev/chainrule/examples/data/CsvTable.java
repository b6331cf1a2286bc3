package dev.chainrule.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Numeric rows of comma-separated (through {@link CsvRows}) or white-space-separated text; a cell that is not a number is an error naming its source, line and column. */
public final class CsvTable {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CsvTable() {
    }

    /**
     * Reads every remaining line of {@code reader} as comma-separated numbers.
     *
     * @param source    the name to put in error messages
     * @param firstLine the 1-based line number of the first line read, for messages
     */
    public static List<double[]> read(BufferedReader reader, String source, int firstLine) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        try (CsvRows csv = new CsvRows(reader, source)) {
            for (String[] cells = csv.next(); cells != null; cells = csv.next()) {
                int lineNumber = firstLine - 1 + csv.line();
                if (width >= 0 && cells.length != width) {
                    throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + cells.length
                            + " columns where earlier lines have " + width);
                }
                width = cells.length;
                rows.add(numbers(cells, source, lineNumber));
            }
        }
        return rows;
    }

    /** Reads every remaining line as numbers separated by white space. */
    public static List<double[]> readWhitespaceSeparated(BufferedReader reader, String source, int firstLine)
            throws IOException {
        List<double[]> rows = new ArrayList<>();
        int lineNumber = firstLine - 1;
        int width = -1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = WHITESPACE.split(line.trim());
            if (width >= 0 && cells.length != width) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + cells.length
                        + " columns where earlier lines have " + width);
            }
            width = cells.length;
            rows.add(numbers(cells, source, lineNumber));
        }
        return rows;
    }

    private static double[] numbers(String[] cells, String source, int lineNumber) {
        double[] row = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            row[c] = number(cells[c], source, lineNumber, c + 1);
        }
        return row;
    }

    /** The number in {@code cell}; anything else is an error naming the source, line and 1-based column. */
    static double number(String cell, String source, int lineNumber, int column) {
        try {
            double value = Double.parseDouble(cell.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ", line " + lineNumber + ", column " + column + ": '" + cell
                + "' is not a finite number");
    }
}

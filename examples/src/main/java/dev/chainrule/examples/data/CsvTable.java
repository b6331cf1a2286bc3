package dev.chainrule.examples.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Numeric CSV rows; a cell that is not a number is an error naming its source, row and column. */
public final class CsvTable {

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
        int lineNumber = firstLine - 1;
        int width = -1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (width >= 0 && cells.length != width) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + cells.length
                        + " columns where earlier lines have " + width);
            }
            width = cells.length;
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ", line " + lineNumber + ", column " + (c + 1)
                            + ": '" + cells[c] + "' is not a number");
                }
            }
            rows.add(row);
        }
        return rows;
    }
}

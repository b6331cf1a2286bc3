package dev.chainrule.examples.data;

import dev.chainrule.core.training.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A labelled data set from any comma-separated file: one label column (the last unless named) and numeric features.
 * The first line is a header when none of its cells is a number. Labels may be text or numbers; every feature cell
 * must be a number, and one that is not is an error naming its line and column.
 */
public final class CsvData {

    /** Below this many distinct whole-number labels, an unspecified task is taken as classification. */
    private static final int MAX_AUTOMATIC_CLASSES = 20;

    private CsvData() {
    }

    /**
     * Reads {@code file}.
     *
     * @param labelColumn the label column's header name or 1-based number; the last column when empty
     * @param task        classification or regression; when empty, classification for text labels or at most
     *                    {@value #MAX_AUTOMATIC_CLASSES} distinct whole numbers, else regression
     */
    public static LabeledData load(Path file, Optional<String> labelColumn, Optional<Task> task) throws IOException {
        String source = file.getFileName().toString();
        try (CsvRows rows = new CsvRows(Files.newBufferedReader(file, StandardCharsets.UTF_8), source)) {
            return read(rows, source, labelColumn, task);
        }
    }

    private static LabeledData read(CsvRows csv, String source, Optional<String> labelColumn, Optional<Task> task)
            throws IOException {
        String[] firstRow = csv.next();
        if (firstRow == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        boolean header = java.util.Arrays.stream(firstRow).noneMatch(CsvData::isNumber);
        List<String> names = new ArrayList<>();
        int width = firstRow.length;
        for (int c = 0; c < width; c++) {
            names.add(header ? firstRow[c].trim() : "column " + (c + 1));
        }
        if (width < 2) {
            throw new IllegalArgumentException(source + " has " + width + " column; it needs at least one feature and "
                    + "the label");
        }
        int label = labelIndex(labelColumn, names, header, source);
        FeatureRows features = new FeatureRows(width - 1);
        List<String> labelCells = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (String[] cells = header ? csv.next() : firstRow; cells != null; cells = csv.next()) {
            int line = csv.line();
            if (cells.length != width) {
                throw new IllegalArgumentException(source + ", line " + line + ": " + cells.length + " columns where "
                        + (header ? "the header has " : "the first line has ") + width);
            }
            for (int c = 0; c < width; c++) {
                if (c == label) {
                    labelCells.add(cells[c].trim());
                    continue;
                }
                try {
                    features.add(CsvTable.number(cells[c], source, line, c + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + (header ? " (column '" + names.get(c) + "')" : ""));
                }
            }
            lineNumbers.add(line);
        }
        if (labelCells.isEmpty()) {
            throw new IllegalArgumentException(source + " has a header but no rows");
        }
        int rows = labelCells.size();
        String[] labels = labelCells.toArray(String[]::new);
        int first = 0;
        Task chosen = task.orElseGet(() -> guessTask(labels));
        String name = source;
        if (chosen == Task.REGRESSION) {
            double[] targets = new double[rows];
            for (int r = 0; r < rows; r++) {
                targets[r] = CsvTable.number(labels[r], source, lineNumbers.get(first + r), label + 1);
            }
            return new LabeledData(name, Task.REGRESSION, new Dataset(features.toArray(), width - 1, targets, 1), List.of(),
                    OptionalDouble.empty());
        }
        List<String> classes = classes(labels);
        Map<String, Integer> index = new HashMap<>();
        IntStream.range(0, classes.size()).forEach(i -> index.put(classes.get(i), i));
        double[] targets = new double[rows];
        for (int r = 0; r < rows; r++) {
            targets[r] = index.get(canonical(labels[r]));
        }
        return new LabeledData(name, Task.CLASSIFICATION, new Dataset(features.toArray(), width - 1, targets, 1), classes,
                OptionalDouble.empty());
    }

    /**
     * The index of the label column among {@code names}: the one named by {@code labelColumn} (a header name or a
     * number from 1), the last one without; an unknown column is an {@link IllegalArgumentException} naming the valid
     * choices.
     */
    public static int labelIndex(Optional<String> labelColumn, List<String> names, boolean header, String source) {
        if (labelColumn.isEmpty()) {
            return names.size() - 1;
        }
        String wanted = labelColumn.get().trim();
        if (header && names.contains(wanted)) {
            return names.indexOf(wanted);
        }
        try {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= names.size()) {
                return number - 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " has no column '" + wanted + "': give a column number from 1 to "
                + names.size() + (header ? " or one of the header's names: " + String.join(", ", names) : ""));
    }

    private static Task guessTask(String[] labels) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String label : labels) {
            if (!isNumber(label)) {
                return Task.CLASSIFICATION;
            }
            double value = Double.parseDouble(label);
            if (value != Math.rint(value)) {
                return Task.REGRESSION;
            }
            distinct.add(canonical(label));
        }
        return distinct.size() <= MAX_AUTOMATIC_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** The distinct labels: numeric ones by value, text ones alphabetically. */
    private static List<String> classes(String[] labels) {
        Set<String> distinct = new LinkedHashSet<>();
        boolean numeric = true;
        for (String label : labels) {
            distinct.add(canonical(label));
            numeric &= isNumber(label);
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return sorted;
    }

    /** Whole numbers written without a fraction, so that {@code 1} and {@code 1.0} are one class. */
    private static String canonical(String label) {
        if (isNumber(label)) {
            double value = Double.parseDouble(label);
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
        }
        return label;
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

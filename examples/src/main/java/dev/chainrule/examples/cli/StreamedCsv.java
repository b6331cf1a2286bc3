package dev.chainrule.examples.cli;

import dev.chainrule.core.data.CsvRow;
import dev.chainrule.core.data.CsvSource;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.examples.data.CsvData;
import dev.chainrule.examples.data.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CSV file too large to load, trained from a stream: one first pass ({@link #scan}) finds the header, label column,
 * task, classes and the training rows' standardisation statistics (mean and standard deviation per feature, Welford's
 * one-pass update); then every epoch streams the file again ({@link CsvSource}). Rows are held out for the test by a
 * seeded hash of their line number, a fraction {@code testSplit} of them, so the split needs no memory.
 */
final class StreamedCsv {

    private static final int MAX_AUTOMATIC_CLASSES = 20;
    private static final int MAX_CLASSES = 10_000;

    private final Path file;
    private final boolean header;
    private final int width;
    private final int label;
    private final Task task;
    private final List<String> classes;
    private final long trainingRows;
    private final Preprocessing preprocessing;
    private final double testSplit;
    private final long seed;

    private StreamedCsv(Path file, boolean header, int width, int label, Task task, List<String> classes,
            long trainingRows, Preprocessing preprocessing, double testSplit, long seed) {
        this.file = file;
        this.header = header;
        this.width = width;
        this.label = label;
        this.task = task;
        this.classes = classes;
        this.trainingRows = trainingRows;
        this.preprocessing = preprocessing;
        this.testSplit = testSplit;
        this.seed = seed;
    }

    /** The first pass over {@code file}: everything but the rows themselves. */
    static StreamedCsv scan(Path file, Optional<String> labelColumn, Optional<Task> wanted, double testSplit, long seed) throws IOException {
        boolean header = CsvSource.hasHeader(file);
        List<String> names = new ArrayList<>();
        String[] first = CsvSource.firstLine(file);
        for (int c = 0; c < first.length; c++) {
            names.add(header ? first[c].trim() : "column " + (c + 1));
        }
        int width = names.size();
        if (width < 2) {
            throw new IllegalArgumentException(file.getFileName() + " has " + width + " column; it needs at least one "
                    + "feature and the label");
        }
        int label = labelIndex(labelColumn, names, header, file);
        Welford features = new Welford(width - 1);
        Welford target = new Welford(1);
        Set<String> distinct = new LinkedHashSet<>();
        boolean[] numeric = {true};
        boolean[] whole = {true};
        long[] rows = {0};
        double[] x = new double[width - 1];
        double[] y = new double[1];
        CsvSource.scan(file, header, row -> {
            if (heldOut(row.line(), testSplit, seed)) {
                return;
            }
            rows[0]++;
            for (int c = 0, f = 0; c < width; c++) {
                if (c != label) {
                    x[f++] = row.number(c);
                }
            }
            features.add(x);
            String cell = row.cell(label);
            boolean isNumber = isNumber(cell);
            numeric[0] &= isNumber;
            if (isNumber) {
                y[0] = Double.parseDouble(cell);
                whole[0] &= y[0] == Math.rint(y[0]);
                target.add(y);
            }
            if (distinct.size() <= MAX_CLASSES) {
                distinct.add(canonical(cell));
            }
        });
        if (rows[0] == 0) {
            throw new IllegalArgumentException(file.getFileName() + " has no training rows");
        }
        Task task = wanted.orElse(!numeric[0] || whole[0] && distinct.size() <= MAX_AUTOMATIC_CLASSES
                ? Task.CLASSIFICATION : Task.REGRESSION);
        List<String> classes = List.of();
        if (task == Task.CLASSIFICATION) {
            if (distinct.size() > MAX_CLASSES) {
                throw new IllegalArgumentException(file.getFileName() + " has more than " + MAX_CLASSES + " classes");
            }
            List<String> sorted = new ArrayList<>(distinct);
            sorted.sort(numeric[0] ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
            classes = List.copyOf(sorted);
        } else if (!numeric[0]) {
            throw new IllegalArgumentException(file.getFileName() + ": regression needs numeric labels in column "
                    + (label + 1));
        }
        Preprocessing standardised = new Preprocessing(features.mean(), features.deviation(),
                task == Task.REGRESSION ? target.mean()[0] : 0, task == Task.REGRESSION ? target.deviation()[0] : 1);
        return new StreamedCsv(file, header, width, label, task, classes, rows[0], standardised, testSplit, seed);
    }

    Task task() {
        return task;
    }

    List<String> classes() {
        return classes;
    }

    /** The preprocessing for a loss whose targets lie in {@code targets}: regression targets scaled for REAL only. */
    Preprocessing preprocessing(Domain targets) {
        return task == Task.REGRESSION && targets == Domain.REAL ? preprocessing
                : new Preprocessing(preprocessing.featureOffset(), preprocessing.featureScale(), 0, 1);
    }

    long trainingRows() {
        return trainingRows;
    }

    int featureCount() {
        return width - 1;
    }

    /** Outputs of the network: one per class, or one for regression. */
    int outputCount() {
        return task == Task.REGRESSION ? 1 : classes.size();
    }

    /** The training rows ({@code test} false) or the held-out test rows, preprocessed for a loss on {@code targets}. */
    CsvSource source(boolean test, Domain targets) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int targetCount = task == Task.REGRESSION || targets == Domain.CLASS_LABEL ? 1 : classes.size();
        double off = targets == Domain.SIGN ? -1 : 0;
        Preprocessing prepared = preprocessing(targets);
        double[] offset = prepared.featureOffset();
        double[] scale = prepared.featureScale();
        return new CsvSource(file, header, width - 1, targetCount, (row, x, xAt, y, yAt) -> {
            if (heldOut(row.line(), testSplit, seed) != test) {
                return false;
            }
            for (int c = 0, f = 0; c < width; c++) {
                if (c != label) {
                    x[xAt + f] = (row.number(c) - offset[f]) / scale[f];
                    f++;
                }
            }
            if (task == Task.REGRESSION) {
                y[yAt] = (row.number(label) - prepared.targetOffset()) / prepared.targetScale();
                return true;
            }
            Integer cls = index.get(canonical(row.cell(label)));
            if (cls == null) {
                throw row.error(label, "the label '" + row.cell(label) + "' is not one of the classes of the first pass");
            }
            if (targetCount == 1) {
                y[yAt] = cls;
            } else {
                java.util.Arrays.fill(y, yAt, yAt + targetCount, off);
                y[yAt + cls] = 1;
            }
            return true;
        });
    }

    /** Whether the row on {@code line} is held out for the test: a seeded hash of the line below the fraction. */
    static boolean heldOut(long line, double fraction, long seed) {
        long z = seed * 0x9E3779B97F4A7C15L + line;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < fraction;
    }

    private static int labelIndex(Optional<String> labelColumn, List<String> names, boolean header, Path file) {
        try {
            return CsvData.labelIndex(labelColumn, names, header, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whole numbers without a fraction, so that {@code 1} and {@code 1.0} are one class (as the in-memory reader). */
    private static String canonical(String label) {
        if (isNumber(label)) {
            double value = Double.parseDouble(label);
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
        }
        return label;
    }

    /** Mean and population standard deviation per column in one pass (Welford); a constant column gets scale 1. */
    private static final class Welford {
        private final double[] mean;
        private final double[] squares;
        private long count;

        Welford(int columns) {
            mean = new double[columns];
            squares = new double[columns];
        }

        void add(double[] values) {
            count++;
            for (int c = 0; c < mean.length; c++) {
                double delta = values[c] - mean[c];
                mean[c] += delta / count;
                squares[c] += delta * (values[c] - mean[c]);
            }
        }

        double[] mean() {
            return mean.clone();
        }

        double[] deviation() {
            double[] deviation = new double[mean.length];
            for (int c = 0; c < mean.length; c++) {
                double value = count == 0 ? 0 : Math.sqrt(squares[c] / count);
                deviation[c] = value > 1e-12 ? value : 1;
            }
            return deviation;
        }
    }
}

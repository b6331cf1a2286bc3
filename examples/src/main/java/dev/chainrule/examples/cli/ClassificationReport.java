package dev.chainrule.examples.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well predicted classes match actual ones: accuracy, each class's precision, recall and F1, and the confusion
 * matrix ({@code counts[actual][predicted]}).
 *
 * @param classes the class names
 * @param counts  the confusion matrix, rows actual, columns predicted
 */
record ClassificationReport(List<String> classes, int[][] counts) {

    /** Counts {@code predicted} against {@code actual} class indices. */
    static ClassificationReport of(List<String> classes, int[] actual, int[] predicted) {
        int[][] counts = new int[classes.size()][classes.size()];
        for (int r = 0; r < actual.length; r++) {
            counts[actual[r]][predicted[r]]++;
        }
        return new ClassificationReport(classes, counts);
    }

    /** Rows counted. */
    int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    /** The fraction of rows predicted right. */
    double accuracy() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return (double) correct / total();
    }

    /** Of the rows predicted as class {@code c}, the fraction that are; 0 when none was predicted. */
    double precision(int c) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** Of the rows of class {@code c}, the fraction predicted as it; 0 when there are none. */
    double recall(int c) {
        int support = support(c);
        return support == 0 ? 0 : (double) counts[c][c] / support;
    }

    /** The harmonic mean of precision and recall. */
    double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The number of rows of class {@code c}. */
    int support(int c) {
        int support = 0;
        for (int count : counts[c]) {
            support += count;
        }
        return support;
    }

    /** Per-class precision, recall, F1 and support, then the unweighted (macro) averages. */
    TextTable perClass() {
        TextTable table = new TextTable("class", "precision", "recall", "f1", "support");
        double p = 0;
        double r = 0;
        double f = 0;
        for (int c = 0; c < classes.size(); c++) {
            table.row(classes.get(c), format(precision(c)), format(recall(c)), format(f1(c)), support(c));
            p += precision(c);
            r += recall(c);
            f += f1(c);
        }
        int n = classes.size();
        return table.row("macro average", format(p / n), format(r / n), format(f / n), total());
    }

    /** The confusion matrix: a row per actual class, a column per predicted class. */
    TextTable confusion() {
        String[] headers = new String[classes.size() + 1];
        headers[0] = "actual \\ predicted";
        for (int c = 0; c < classes.size(); c++) {
            headers[c + 1] = classes.get(c);
        }
        TextTable table = new TextTable(headers);
        for (int a = 0; a < classes.size(); a++) {
            Object[] row = new Object[classes.size() + 1];
            row[0] = classes.get(a);
            for (int p = 0; p < classes.size(); p++) {
                row[p + 1] = counts[a][p];
            }
            table.row(row);
        }
        return table;
    }

    /** The figures as JSON-ready values. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rows", total());
        map.put("accuracy", accuracy());
        map.put("classes", classes);
        map.put("precision", classes.stream().map(c -> precision(classes.indexOf(c))).toList());
        map.put("recall", classes.stream().map(c -> recall(classes.indexOf(c))).toList());
        map.put("f1", classes.stream().map(c -> f1(classes.indexOf(c))).toList());
        map.put("confusion", counts);
        return map;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

package dev.chainrule.examples.data;

import dev.chainrule.core.training.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The small data sets embedded in this module (see the attribution table in the data folder's README): digits, iris,
 * wine, breast_cancer (classification) and diabetes (regression).
 */
public final class EmbeddedData {

    /** The names of the embedded data sets. */
    public static final List<String> NAMES = List.of("digits", "iris", "wine", "breast_cancer", "diabetes");

    private EmbeddedData() {
    }

    /** The embedded data set called {@code name}; an unknown name lists the valid ones. */
    public static LabeledData load(String name) {
        return switch (name) {
            case "digits" -> Digits.labeled();
            case "iris" -> headed("iris", "iris.csv");
            case "wine" -> headed("wine", "wine_data.csv");
            case "breast_cancer" -> headed("breast_cancer", "breast_cancer.csv");
            case "diabetes" -> diabetes();
            default -> throw new IllegalArgumentException("unknown embedded data set '" + name + "'; valid: "
                    + String.join(", ", NAMES));
        };
    }

    /**
     * A classification file whose first line is {@code rows,features,class names...} and whose rows end with the
     * class index.
     */
    private static LabeledData headed(String name, String file) {
        try (BufferedReader reader = Resources.open(file)) {
            String[] header = reader.readLine().split(",");
            int rowCount = Integer.parseInt(header[0].trim());
            int featureCount = Integer.parseInt(header[1].trim());
            List<String> classes = Arrays.stream(header, 2, header.length).map(String::trim).toList();
            List<double[]> rows = CsvTable.read(reader, file, 2);
            if (rows.size() != rowCount) {
                throw new IllegalStateException(file + " announces " + rowCount + " rows but holds " + rows.size());
            }
            double[] features = new double[rows.size() * featureCount];
            double[] labels = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, features, r * featureCount, featureCount);
                labels[r] = rows.get(r)[featureCount];
            }
            return new LabeledData(name, Task.CLASSIFICATION, new Dataset(features, featureCount, labels, 1), classes,
                    OptionalDouble.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded data " + file, e);
        }
    }

    /** 442 patients: 10 baseline variables (space separated) and disease progression a year later. */
    private static LabeledData diabetes() {
        try (BufferedReader features = Resources.open("diabetes_data_raw.csv.gz");
                BufferedReader targets = Resources.open("diabetes_target.csv.gz")) {
            List<double[]> x = CsvTable.readWhitespaceSeparated(features, "diabetes_data_raw.csv.gz", 1);
            List<double[]> y = CsvTable.readWhitespaceSeparated(targets, "diabetes_target.csv.gz", 1);
            if (x.size() != y.size()) {
                throw new IllegalStateException("diabetes: " + x.size() + " feature rows but " + y.size() + " targets");
            }
            int featureCount = x.get(0).length;
            double[] flat = new double[x.size() * featureCount];
            double[] labels = new double[y.size()];
            for (int r = 0; r < x.size(); r++) {
                System.arraycopy(x.get(r), 0, flat, r * featureCount, featureCount);
                labels[r] = y.get(r)[0];
            }
            return new LabeledData("diabetes", Task.REGRESSION, new Dataset(flat, featureCount, labels, 1), List.of(),
                    OptionalDouble.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded diabetes data", e);
        }
    }
}

package dev.chainrule.examples.data;

import dev.chainrule.core.training.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The embedded handwritten digits: 1797 images of 8x8 pixels, 10 classes (UCI Optical Recognition of Handwritten
 * Digits, Alpaydin and Kaynak 1998, CC BY 4.0). Pixel counts run from 0 to 16.
 */
public final class Digits {

    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Pixels per image. */
    public static final int FEATURES = 64;
    /** The largest pixel count. */
    public static final double PIXEL_MAX = 16;
    private static final String FILE = "digits.csv.gz";

    private Digits() {
    }

    /** The whole data set, pixels scaled from 0..16 to 0..1, targets one-hot. */
    public static Dataset load() {
        Dataset raw = labeled().raw();
        double[] features = raw.features().clone();
        for (int i = 0; i < features.length; i++) {
            features[i] /= PIXEL_MAX;
        }
        int[] labels = IntStream.range(0, raw.size()).map(r -> (int) raw.targets()[r]).toArray();
        return new Dataset(features, FEATURES, flatten(Dataset.oneHot(labels, CLASSES)), CLASSES);
    }

    /** The whole data set as read: pixel counts 0..16 and the digit as the class label. */
    public static LabeledData labeled() {
        try (BufferedReader reader = Resources.open(FILE)) {
            List<double[]> rows = CsvTable.read(reader, FILE, 1);
            double[] features = new double[rows.size() * FEATURES];
            double[] labels = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, features, r * FEATURES, FEATURES);
                labels[r] = rows.get(r)[FEATURES];
            }
            List<String> classes = IntStream.range(0, CLASSES).mapToObj(Integer::toString).toList();
            return new LabeledData("digits", Task.CLASSIFICATION, new Dataset(features, FEATURES, labels, 1), classes,
                    OptionalDouble.of(PIXEL_MAX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded digits data", e);
        }
    }

    private static double[] flatten(double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[r].length, rows[r].length);
        }
        return flat;
    }
}

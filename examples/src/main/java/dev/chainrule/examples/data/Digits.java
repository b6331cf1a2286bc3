package dev.chainrule.examples.data;

import dev.chainrule.core.training.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The embedded handwritten digits: 1797 images of 8x8 pixels, 10 classes (UCI Optical Recognition of Handwritten
 * Digits, Alpaydin and Kaynak 1998, CC BY 4.0). Pixels are scaled from 0..16 to 0..1; targets are one-hot.
 */
public final class Digits {

    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Pixels per image. */
    public static final int FEATURES = 64;
    private static final String RESOURCE = "/dev/chainrule/examples/data/digits.csv.gz";

    private Digits() {
    }

    /** The whole data set. */
    public static Dataset load() {
        try (InputStream raw = Digits.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the embedded digits data " + RESOURCE + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.US_ASCII));
            List<double[]> rows = CsvTable.read(reader, "digits.csv.gz", 1);
            double[][] features = new double[rows.size()][FEATURES];
            int[] labels = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                for (int c = 0; c < FEATURES; c++) {
                    features[r][c] = row[c] / 16.0;
                }
                labels[r] = (int) row[FEATURES];
            }
            return Dataset.of(features, Dataset.oneHot(labels, CLASSES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded digits data", e);
        }
    }
}

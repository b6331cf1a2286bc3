package dev.chainrule.benchmarks;

import dev.chainrule.core.data.CsvSource;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.FashionMnist;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fashion-MNIST as the streaming benchmarks read it: one line per image, its 784 pixels as integers 0 to 255 and then
 * the label, no header; streamed back as pixels scaled to [0, 1] and one-hot targets.
 */
final class FashionMnistCsv {

    private static final double PIXEL_SCALE = 1.0 / 255;

    private FashionMnistCsv() {
    }

    /**
     * The first training images and the temporary CSV file they are written to, which the caller deletes.
     *
     * @param images the images, pixels in [0, 1], one-hot targets
     * @param csv    the file
     */
    record Written(Dataset images, Path csv) {
    }

    /** Writes the first {@code rows} training images to a temporary file and prints the machine and the file's size. */
    static Written temporary(int rows) throws IOException {
        Dataset images = FashionMnist.compact(FashionMnist.DEFAULT_DIRECTORY, true, rows);
        Path csv = Files.createTempFile("fashion-mnist", ".csv");
        try {
            write(images, csv);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(csv);
            throw e;
        }
        System.out.printf(Locale.ROOT, "%s: %d rows, CSV of %.1f MB%n", Machine.current().describe(), images.size(),
                Files.size(csv) / 1e6);
        return new Written(images, csv);
    }

    /** Writes {@code images} (pixels in [0, 1], one-hot targets) to {@code csv}. */
    static void write(Dataset images, Path csv) throws IOException {
        double[] pixels = new double[SeedNetwork.INPUTS];
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int r = 0; r < images.size(); r++) {
                images.copyFeatureRows(r, pixels);
                StringBuilder line = new StringBuilder(4 * SeedNetwork.INPUTS);
                for (double pixel : pixels) {
                    line.append(Math.round(pixel * 255)).append(',');
                }
                double[] target = images.targetRow(r);
                int label = 0;
                for (int c = 1; c < target.length; c++) {
                    label = target[c] > target[label] ? c : label;
                }
                out.append(line).append(Integer.toString(label)).append('\n');
            }
        }
    }

    /**
     * {@code csv} streamed: pixels scaled by {@code 1 / 255.0}, exactly as the in-memory set widens its bytes
     * ({@code Dataset.ofUnsignedBytes}), so that both give the same rows; the label one-hot.
     */
    static CsvSource source(Path csv) {
        return new CsvSource(csv, false, SeedNetwork.INPUTS, SeedNetwork.CLASSES, (row, x, xAt, y, yAt) -> {
            row.numbers(0, SeedNetwork.INPUTS, x, xAt);
            for (int c = xAt; c < xAt + SeedNetwork.INPUTS; c++) {
                x[c] *= PIXEL_SCALE;
            }
            Arrays.fill(y, yAt, yAt + SeedNetwork.CLASSES, 0);
            y[yAt + (int) row.number(SeedNetwork.INPUTS)] = 1;
            return true;
        });
    }
}

package dev.chainrule.benchmarks;

import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The data of the training benchmarks: Fashion-MNIST's 60,000 training and 10,000 test images, pixels scaled to
 * [0, 1] and labels one-hot, when it is installed (Debian's {@code dataset-fashion-mnist}); otherwise random rows of
 * the same size, random pixels and labels, so that the benchmarks run on any machine and cost the same. Either way
 * the pixels are kept as bytes ({@link Dataset#ofUnsignedBytes}).
 *
 * @param training the training rows
 * @param test     the test rows
 * @param source   where the rows came from, for the report
 */
record BenchmarkData(Dataset training, Dataset test, String source) {

    /** Fashion-MNIST's training rows. */
    static final int TRAINING_ROWS = 60_000;
    /** Fashion-MNIST's test rows. */
    static final int TEST_ROWS = 10_000;

    private static final String RANDOM = "random rows of Fashion-MNIST's size (" + FashionMnist.DEFAULT_DIRECTORY
            + " is not installed)";

    /** What {@link #load()} reads, without reading it. */
    static String describeSource() {
        Path directory = FashionMnist.DEFAULT_DIRECTORY;
        return Files.isDirectory(directory) ? "Fashion-MNIST from " + directory : RANDOM;
    }

    /** Fashion-MNIST from {@link FashionMnist#DEFAULT_DIRECTORY}, or random rows of its size. */
    static BenchmarkData load() {
        return load(FashionMnist.DEFAULT_DIRECTORY, 0);
    }

    /**
     * Fashion-MNIST from {@code directory}, or random rows of its size when the directory does not exist.
     *
     * @param limit at most this many rows of each set, or 0 for all
     */
    static BenchmarkData load(Path directory, int limit) {
        if (!Files.isDirectory(directory)) {
            return random(limit > 0 ? Math.min(limit, TRAINING_ROWS) : TRAINING_ROWS,
                    limit > 0 ? Math.min(limit, TEST_ROWS) : TEST_ROWS);
        }
        try {
            return new BenchmarkData(FashionMnist.compact(directory, true, limit),
                    FashionMnist.compact(directory, false, limit), "Fashion-MNIST from " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random rows: {@code training} and {@code test} of them. */
    static BenchmarkData random(int training, int test) {
        SplittableRandom random = new SplittableRandom(11);
        return new BenchmarkData(randomRows(training, random), randomRows(test, random), RANDOM);
    }

    /** The size of both sets' features and targets as FLOAT32 numbers. */
    long float32Bytes() {
        return 4L * ((long) (training.size() + test.size()) * SeedNetwork.INPUTS + training.targets().length
                + test.targets().length);
    }

    private static Dataset randomRows(int rows, SplittableRandom random) {
        byte[] pixels = new byte[rows * SeedNetwork.INPUTS];
        random.nextBytes(pixels);
        double[] labels = new double[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(SeedNetwork.CLASSES);
        }
        return Dataset.ofUnsignedBytes(pixels, SeedNetwork.INPUTS, 1.0 / 255, oneHot(labels), SeedNetwork.CLASSES);
    }

    private static double[] oneHot(double[] labels) {
        double[] targets = new double[labels.length * SeedNetwork.CLASSES];
        for (int r = 0; r < labels.length; r++) {
            targets[r * SeedNetwork.CLASSES + (int) labels[r]] = 1;
        }
        return targets;
    }
}

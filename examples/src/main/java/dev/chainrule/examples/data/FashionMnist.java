package dev.chainrule.examples.data;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.training.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of 28x28 grey pixels in ten
 * classes of clothing, read from its four IDX files. Debian ships them in the package {@code dataset-fashion-mnist}.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** The name used on the command line and in model files. */
    public static final String NAME = "fashion-mnist";
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The largest pixel value. */
    private static final int PIXEL_MAX = 255;

    private FashionMnist() {
    }

    /**
     * The training and test sets from {@code directory}.
     *
     * @param limit at most this many rows of each set (the first ones), or 0 for all
     * @throws IllegalArgumentException when the directory or one of the files is missing, saying how to install them
     */
    public static LabeledData.Split load(Path directory, int limit) throws IOException {
        checkInstalled(directory);
        return new LabeledData.Split(read(directory, "train", limit), read(directory, "t10k", limit));
    }

    private static void checkInstalled(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Fashion-MNIST is not installed: " + directory + " is not a directory. "
                    + "Install it with 'apt-get install -y dataset-fashion-mnist' (Debian), or put the four IDX files "
                    + "in a folder and name it with --data-dir");
        }
    }

    /**
     * The training or test set from {@code directory} ready to train on, kept compactly: each pixel as its byte, read
     * as {@code pixel / 255} (an eighth of the memory of doubles), and labels as one-hot rows of the ten classes.
     *
     * @param training the 60,000 training images, else the 10,000 test images
     * @param limit    at most this many rows (the first ones), or 0 for all
     * @throws IllegalArgumentException when the directory or one of the files is missing, saying how to install them
     */
    public static Dataset compact(Path directory, boolean training, int limit) throws IOException {
        checkInstalled(directory);
        Images images = images(directory, training ? "train" : "t10k", limit);
        double[] targets = new double[images.rows() * CLASSES.size()];
        for (int r = 0; r < images.rows(); r++) {
            targets[r * CLASSES.size() + images.labels().unsigned(r)] = 1;
        }
        byte[] pixels = images.pixels().values();
        if (pixels.length != images.rows() * images.width()) {
            pixels = Arrays.copyOf(pixels, images.rows() * images.width());
        }
        return Dataset.ofUnsignedBytes(pixels, images.width(), 1.0 / PIXEL_MAX, targets, CLASSES.size());
    }

    private static LabeledData read(Path directory, String prefix, int limit) throws IOException {
        Images images = images(directory, prefix, limit);
        double[] features = new double[images.rows() * images.width()];
        double[] targets = new double[images.rows()];
        for (int i = 0; i < features.length; i++) {
            features[i] = images.pixels().unsigned(i);
        }
        for (int r = 0; r < images.rows(); r++) {
            targets[r] = images.labels().unsigned(r);
        }
        return new LabeledData(NAME, Task.CLASSIFICATION, new Dataset(features, images.width(), targets, 1), CLASSES,
                OptionalDouble.of(PIXEL_MAX), Optional.of(images.shape()));
    }

    /** The images and labels of one set, and how many rows and pixels a row to take. */
    private record Images(IdxFile pixels, IdxFile labels, int rows, int width) {

        /** One channel of the IDX file's rows and columns. */
        FeatureShape shape() {
            return new FeatureShape(1, pixels.dimensions()[1], pixels.dimensions()[2]);
        }
    }

    private static Images images(Path directory, String prefix, int limit) throws IOException {
        IdxFile images = IdxFile.read(find(directory, prefix + "-images-idx3-ubyte"));
        IdxFile labels = IdxFile.read(find(directory, prefix + "-labels-idx1-ubyte"));
        if (images.dimensions().length != 3 || labels.dimensions().length != 1
                || images.dimensions()[0] != labels.dimensions()[0]) {
            throw new IOException(directory + ": the " + prefix + " images have dimensions "
                    + Arrays.toString(images.dimensions()) + " and the labels " + Arrays.toString(labels.dimensions())
                    + "; expected [n, 28, 28] and [n]");
        }
        int rows = limit > 0 ? Math.min(limit, images.dimensions()[0]) : images.dimensions()[0];
        return new Images(images, labels, rows, images.dimensions()[1] * images.dimensions()[2]);
    }

    private static Path find(Path directory, String stem) {
        for (String name : List.of(stem + ".gz", stem)) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException("Fashion-MNIST is incomplete: " + directory + " has no " + stem + ".gz. "
                + "Install it with 'apt-get install -y dataset-fashion-mnist' (Debian), or put the four IDX files in a "
                + "folder and name it with --data-dir");
    }
}

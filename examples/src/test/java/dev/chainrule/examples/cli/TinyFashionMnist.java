package dev.chainrule.examples.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes a tiny Fashion-MNIST look-alike: gzipped IDX files of 28x28 images whose brightness follows the class. */
final class TinyFashionMnist {

    private TinyFashionMnist() {
    }

    /** Writes the four files into {@code folder} with {@code train} and {@code test} images. */
    static Path write(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train", train, 1);
        write(folder, "t10k", test, 2);
        return folder;
    }

    private static void write(Path folder, String prefix, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            labels[i] = (byte) label;
            for (int p = 0; p < 28 * 28; p++) {
                int stripe = (p % 28) / 3 == label ? 200 : 0;
                pixels[i * 28 * 28 + p] = (byte) Math.min(255, stripe + random.nextInt(30));
            }
        }
        try (DataOutputStream out = gzip(folder.resolve(prefix + "-images-idx3-ubyte.gz"))) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            out.write(pixels);
        }
        try (DataOutputStream out = gzip(folder.resolve(prefix + "-labels-idx1-ubyte.gz"))) {
            out.writeInt(0x00000801);
            out.writeInt(count);
            out.write(labels);
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }
}

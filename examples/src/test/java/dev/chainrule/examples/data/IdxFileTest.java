package dev.chainrule.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path folder;

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        byte[] bytes = idx(0x00000803, new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        Path plain = Files.write(folder.resolve("images-idx3-ubyte"), bytes);
        Path gzipped = folder.resolve("images-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(bytes);
        }
        for (Path file : new Path[] {plain, gzipped}) {
            IdxFile idx = IdxFile.read(file);
            assertArrayEquals(new int[] {2, 2, 3}, idx.dimensions());
            assertEquals(255, idx.unsigned(11));
            assertEquals(4, idx.unsigned(4));
        }
    }

    @Test
    void aTruncatedFileSaysWhatItDeclared() throws IOException {
        Path file = Files.write(folder.resolve("labels"), idx(0x00000801, new int[] {10}, new byte[] {1, 2, 3}));
        IOException error = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(error.getMessage().contains("truncated") && error.getMessage().contains("[10]"), error.getMessage());
    }

    @Test
    void anotherFileIsNotAnIdxFile() throws IOException {
        Path file = Files.writeString(folder.resolve("text"), "hello world");
        IOException error = assertThrows(IOException.class, () -> IdxFile.read(file));
        assertTrue(error.getMessage().contains("is not an IDX file"), error.getMessage());
    }

    @Test
    void fashionMnistNamesAMissingFileAndHowToInstallIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(folder, 0));
        assertTrue(error.getMessage().contains("has no train-images-idx3-ubyte.gz"), error.getMessage());
        assertTrue(error.getMessage().contains("apt-get install -y dataset-fashion-mnist"), error.getMessage());
    }

    private static byte[] idx(int magic, int[] dimensions, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int dimension : dimensions) {
            out.writeInt(dimension);
        }
        out.write(values);
        return bytes.toByteArray();
    }
}

package dev.chainrule.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes, as MNIST and Fashion-MNIST ship: a big-endian magic number {@code 0x000008nn}
 * (type 0x08 = unsigned byte, {@code nn} dimensions), the dimension sizes as big-endian 32-bit integers, then the
 * bytes. Gzip-compressed files are recognised by their first two bytes.
 *
 * @param dimensions the size of each dimension, for example {@code [60000, 28, 28]}
 * @param values     the unsigned bytes, row-major
 */
public record IdxFile(int[] dimensions, byte[] values) {

    /** Reads the IDX file at {@code path}, compressed or not. */
    public static IdxFile read(Path path) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw) : raw);
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08) {
                throw new IOException(path + " is not an IDX file of unsigned bytes: its magic number is "
                        + String.format("0x%08x", magic) + ", expected 0x00000801 (labels) or 0x00000803 (images)");
            }
            int[] dimensions = new int[magic & 0xff];
            long size = 1;
            for (int d = 0; d < dimensions.length; d++) {
                dimensions[d] = in.readInt();
                size *= dimensions[d];
            }
            if (dimensions.length == 0 || size <= 0 || size > Integer.MAX_VALUE - 16) {
                throw new IOException(path + " declares dimensions " + Arrays.toString(dimensions)
                        + ", which is not a usable size");
            }
            byte[] values = new byte[(int) size];
            try {
                in.readFully(values);
            } catch (EOFException e) {
                throw new IOException(path + " is truncated: its header declares " + Arrays.toString(dimensions)
                        + " (" + size + " bytes of data), but the file ends before that", e);
            }
            return new IdxFile(dimensions, values);
        } catch (EOFException e) {
            throw new IOException(path + " is truncated: it ends inside its header", e);
        }
    }

    /** The value at {@code index} as a number 0..255. */
    public int unsigned(int index) {
        return values[index] & 0xff;
    }
}

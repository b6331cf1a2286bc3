package dev.chainrule.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Edits of model file bytes for tests of a loader, that keep the container consistent (header length, weights length, checksum), as a buggy
 * writer or an attacker would make them: the loader must catch what the checksum cannot.
 */
public final class ModelFileBytes {

    private static final int PREFIX = 16;

    private ModelFileBytes() {
    }

    /** The header's JSON text. */
    public static String header(byte[] model) {
        return new String(model, PREFIX, headerLength(model), StandardCharsets.UTF_8);
    }

    /** The stored values, without header and checksum. */
    public static byte[] weights(byte[] model) {
        int start = PREFIX + headerLength(model) + 8;
        return Arrays.copyOfRange(model, start, model.length - 4);
    }

    /** A model file with {@code header} and {@code weights}, its lengths and checksum computed. */
    public static byte[] assemble(byte[] model, String header, byte[] weights) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(PREFIX + json.length + 8 + weights.length + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(model, 0, 12).putInt(json.length).put(json).putLong(weights.length).put(weights);
        return withChecksum(out.array());
    }

    /** {@code model} with its header replaced, lengths and checksum recomputed. */
    public static byte[] withHeader(byte[] model, String header) {
        return assemble(model, header, weights(model));
    }

    /** {@code model} with float32 value {@code index} replaced by {@code value}, checksum recomputed. */
    public static byte[] withFloat(byte[] model, int index, float value) {
        byte[] weights = weights(model);
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).putFloat(index * Float.BYTES, value);
        return assemble(model, header(model), weights);
    }

    /** {@code bytes} with its last four bytes set to the CRC-32 of the others. */
    public static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    /** Whether the lengths in {@code model} describe its bytes, so that its header and weights can be edited. */
    public static boolean wellFormed(byte[] model) {
        if (model.length < PREFIX + 12) {
            return false;
        }
        long header = Integer.toUnsignedLong(headerLength(model));
        if (PREFIX + header + 12 > model.length) {
            return false;
        }
        long weights = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getLong(PREFIX + (int) header);
        return weights == model.length - PREFIX - header - 12;
    }

    private static int headerLength(byte[] model) {
        return ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    }
}

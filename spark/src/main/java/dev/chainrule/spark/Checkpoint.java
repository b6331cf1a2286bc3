package dev.chainrule.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A distributed run's state after {@code step} steps (rounds): the network as a model file's bytes and the
 * optimizer's state. The batch position follows from the step and the seed, and the random numbers of each step
 * from the seed, step and partition, so this is all a resumed run needs to continue exactly.
 *
 * <p>Format (big-endian, documented in the module's README): the 8 bytes {@code CRSPARK\n}, version (int, 1), step
 * (long), the model file's length (int) and bytes, the optimizer's steps (long), the parameter count (int) and per
 * parameter its state's steps (long), slot count (int) and per slot its name (modified UTF-8), length (int) and
 * values (doubles), scalar count (int) and per scalar its name and value; then a CRC-32 of everything before it (int).
 *
 * @param step      steps (rounds) completed
 * @param model     the bytes of a model file of the network
 * @param optimizer the optimizer's state
 */
record Checkpoint(long step, byte[] model, OptimizerSnapshot optimizer) {

    private static final byte[] MAGIC = "CRSPARK\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_NAME_COUNT = 1 << 10;

    /** The checkpoint's bytes. */
    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(step);
            out.writeInt(model.length);
            out.write(model);
            out.writeLong(optimizer.steps());
            out.writeInt(optimizer.stateSteps().length);
            for (int p = 0; p < optimizer.stateSteps().length; p++) {
                out.writeLong(optimizer.stateSteps()[p]);
                out.writeInt(optimizer.slots().get(p).size());
                for (Map.Entry<String, double[]> slot : optimizer.slots().get(p).entrySet()) {
                    out.writeUTF(slot.getKey());
                    out.writeInt(slot.getValue().length);
                    for (double value : slot.getValue()) {
                        out.writeDouble(value);
                    }
                }
                out.writeInt(optimizer.scalars().get(p).size());
                for (Map.Entry<String, Double> scalar : optimizer.scalars().get(p).entrySet()) {
                    out.writeUTF(scalar.getKey());
                    out.writeDouble(scalar.getValue());
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a checkpoint; a damaged or foreign file is an {@link IOException} naming {@code source} and the fault. */
    static Checkpoint decode(byte[] bytes, String source) throws IOException {
        if (bytes.length < MAGIC.length + 4 + 4 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException(source + " is not a Chainrule Spark checkpoint");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new IOException(source + " is damaged: its CRC-32 does not match its contents");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        in.skipNBytes(MAGIC.length);
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(source + " has checkpoint version " + version + "; this Chainrule reads " + VERSION);
        }
        long step = in.readLong();
        byte[] model = new byte[checkedCount(in.readInt(), in.available(), source, "model bytes")];
        in.readFully(model);
        long steps = in.readLong();
        int parameters = checkedCount(in.readInt(), in.available(), source, "parameters");
        long[] stateSteps = new long[parameters];
        List<Map<String, double[]>> slots = new ArrayList<>();
        List<Map<String, Double>> scalars = new ArrayList<>();
        for (int p = 0; p < parameters; p++) {
            stateSteps[p] = in.readLong();
            Map<String, double[]> own = new TreeMap<>();
            int slotCount = checkedCount(in.readInt(), MAX_NAME_COUNT, source, "slots");
            for (int s = 0; s < slotCount; s++) {
                String name = in.readUTF();
                double[] values = new double[checkedCount(in.readInt(), in.available() / 8, source, "slot values")];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readDouble();
                }
                own.put(name, values);
            }
            slots.add(own);
            Map<String, Double> ownScalars = new TreeMap<>();
            int scalarCount = checkedCount(in.readInt(), MAX_NAME_COUNT, source, "scalars");
            for (int s = 0; s < scalarCount; s++) {
                ownScalars.put(in.readUTF(), in.readDouble());
            }
            scalars.add(ownScalars);
        }
        if (in.available() != 0) {
            throw new IOException(source + " has " + in.available() + " bytes after its optimizer state");
        }
        return new Checkpoint(step, model, new OptimizerSnapshot(steps, stateSteps, slots, scalars));
    }

    private static int checkedCount(int count, int limit, String source, String what) throws IOException {
        if (count < 0 || count > limit) {
            throw new IOException(source + " is damaged: it claims " + count + " " + what + " where at most " + limit
                    + " can follow");
        }
        return count;
    }
}

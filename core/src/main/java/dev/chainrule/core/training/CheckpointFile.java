package dev.chainrule.core.training;

import dev.chainrule.core.io.AtomicFiles;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.network.State;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * A {@link TrainingSession}'s whole state in one file, format version {@value #VERSION}: what the run was (layer
 * specs, loss, optimizer, schedule, seed, batch size, to refuse a different run), the application's metadata (the
 * CLI's preprocessing), the position (epoch, batch, the epoch's running sums, completed epochs), the random
 * generators (as the number of splits taken from the seed), every parameter and state tensor, every optimizer state
 * (step count, slots, scalars), the schedule's step, and early stopping (best loss, epoch, weights). Numbers are stored
 * as IEEE 754 doubles, which hold FLOAT32 and FLOAT64 values exactly.
 *
 * <pre>
 * offset  size  content
 * 0       8     magic: 0x89 'C' 'H' 'K' '\r' '\n' 0x1A '\n'
 * 8       4     format version, big-endian
 * 12      N     body: the fields above, big-endian ({@link DataOutputStream}), each count checked on reading
 * 12+N    4     CRC-32 of every byte before it, big-endian
 * </pre>
 *
 * <p>Written atomically ({@link AtomicFiles}): a process killed while writing leaves the previous file whole. Reading
 * checks magic, version and checksum before it changes anything; any problem is a {@link CheckpointException} naming
 * the file and what is wrong, and the session is left as it was.
 */
public final class CheckpointFile {

    /** The format version written and read. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = {(byte) 0x89, 'C', 'H', 'K', '\r', '\n', 0x1A, '\n'};

    private CheckpointFile() {
    }

    /** Saves {@code session}'s state and the application's {@code metadata} to {@code path}, atomically. */
    public static void save(TrainingSession session, Map<String, String> metadata, Path path) throws IOException {
        AtomicFiles.write(path, encode(session, metadata));
    }

    /** The application's metadata of the checkpoint at {@code path}, after checking the whole file. */
    public static Map<String, String> metadata(Path path) throws IOException {
        DataInputStream in = checkedBody(Files.readAllBytes(path), path.toString());
        try {
            readRun(in);
            return readMetadata(in);
        } catch (EOFException e) {
            throw truncated(path.toString());
        }
    }

    /**
     * Restores {@code session} from the checkpoint at {@code path}; returns the application's metadata. The session
     * must be built from the same network architecture and configuration as the saved one.
     *
     * @throws CheckpointException when the file is corrupt or from another run (the session is then unchanged)
     */
    public static Map<String, String> restore(TrainingSession session, Path path) throws IOException {
        String source = path.toString();
        DataInputStream in = checkedBody(Files.readAllBytes(path), source);
        try {
            Map<String, String> run = readRun(in);
            Map<String, String> expected = run(session);
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                String saved = run.get(entry.getKey());
                if (!entry.getValue().equals(saved)) {
                    throw new CheckpointException(source + " is from another run: its " + entry.getKey() + " is "
                            + saved + " but this run's is " + entry.getValue());
                }
            }
            Map<String, String> metadata = readMetadata(in);
            Saved saved = readState(in, session, source);
            saved.applyTo(session);
            return metadata;
        } catch (EOFException e) {
            throw truncated(source);
        }
    }

    static byte[] encode(TrainingSession session, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeMap(out, run(session));
        writeMap(out, metadata);
        TrainingSession.SessionPosition position = session.position();
        out.writeInt(position.epoch);
        out.writeLong(position.batch);
        out.writeDouble(position.lossSum);
        out.writeLong(position.correct);
        out.writeLong(position.rows);
        out.writeInt(position.completed.size());
        for (EpochResult result : position.completed) {
            out.writeInt(result.epoch());
            out.writeDouble(result.loss());
            writeOptional(out, result.accuracy());
            writeOptional(out, result.validationLoss());
            writeOptional(out, result.validationAccuracy());
            out.writeDouble(result.seconds());
            out.writeDouble(result.samplesPerSecond());
        }
        out.writeLong(session.noiseDraws());
        out.writeLong(session.optimizerSteps());
        List<Parameter> parameters = session.network().parameters();
        out.writeInt(parameters.size());
        for (Parameter parameter : parameters) {
            out.writeUTF(parameter.name());
            writeValues(out, parameter.value().toDoubleArray());
        }
        List<State> state = session.network().state();
        out.writeInt(state.size());
        for (State tensor : state) {
            out.writeUTF(tensor.name());
            writeValues(out, tensor.value().toDoubleArray());
        }
        for (OptimizerState optimizer : session.optimizerStates()) {
            out.writeLong(optimizer.steps());
            out.writeInt(optimizer.slots().size());
            for (Map.Entry<String, Tensor> slot : optimizer.slots().entrySet()) {
                out.writeUTF(slot.getKey());
                writeValues(out, slot.getValue().toDoubleArray());
            }
            out.writeInt(optimizer.scalars().size());
            for (Map.Entry<String, Double> scalar : optimizer.scalars().entrySet()) {
                out.writeUTF(scalar.getKey());
                out.writeDouble(scalar.getValue());
            }
        }
        EarlyStopping stopping = session.stopping();
        out.writeDouble(stopping.bestLoss());
        out.writeInt(stopping.bestEpoch());
        out.writeBoolean(stopping.stopped());
        out.writeBoolean(stopping.bestWeights().isPresent());
        if (stopping.bestWeights().isPresent()) {
            for (Tensor weights : stopping.bestWeights().get()) {
                writeValues(out, weights.toDoubleArray());
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /** What identifies a run: a checkpoint of one run does not resume another. */
    private static Map<String, String> run(TrainingSession session) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("layers", session.network().layers().stream().map(Layer::spec).map(Object::toString)
                .collect(Collectors.joining(", ")));
        run.put("inputs", session.network().inputShape().toString());
        run.put("dtype", session.network().dtype().label());
        TrainingConfig config = session.config();
        run.put("loss", config.loss().spec().toString());
        run.put("optimizer", config.optimizer().spec().toString());
        run.put("schedule", config.schedule().spec().toString());
        run.put("seed", Long.toString(config.seed()));
        run.put("batch size", Integer.toString(config.batchSize()));
        run.put("shuffle", Boolean.toString(config.shuffle()));
        return run;
    }

    private static DataInputStream checkedBody(byte[] bytes, String source) throws CheckpointException {
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(source + " is not a Chainrule checkpoint (it does not start with the "
                    + "checkpoint magic bytes, or is too short: " + bytes.length + " bytes)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
        if (version != VERSION) {
            throw new CheckpointException(source + " is a checkpoint of format version " + version
                    + "; this version of Chainrule reads version " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        long stored = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt());
        if (crc.getValue() != stored) {
            throw new CheckpointException(String.format(Locale.ROOT, "%s is corrupt or truncated: its checksum is %08x "
                    + "but its contents give %08x", source, stored, crc.getValue()));
        }
        return new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length + 4, bytes.length - MAGIC.length - 8));
    }

    private static Map<String, String> readRun(DataInputStream in) throws IOException {
        return readMap(in);
    }

    private static Map<String, String> readMetadata(DataInputStream in) throws IOException {
        return readMap(in);
    }

    /** Everything read and checked, applied to the session only once the whole file has been read. */
    private record Saved(int epoch, long batch, double lossSum, long correct, long rows, List<EpochResult> completed,
            long noiseDraws, long optimizerSteps, List<double[]> parameters, List<double[]> state,
            List<SavedOptimizerState> optimizer, double bestLoss, int bestEpoch, boolean stopped,
            List<double[]> bestWeights) {

        void applyTo(TrainingSession session) {
            TrainingSession.SessionPosition position = session.position();
            position.epoch = epoch;
            position.batch = batch;
            position.lossSum = lossSum;
            position.correct = correct;
            position.rows = rows;
            position.completed.clear();
            position.completed.addAll(completed);
            session.restoreNoiseDraws(noiseDraws);
            session.update().restoreSteps(optimizerSteps);
            List<Parameter> network = session.network().parameters();
            for (int p = 0; p < network.size(); p++) {
                Tensor value = network.get(p).value();
                value.backend().assign(parameters.get(p), value);
            }
            List<State> states = session.network().state();
            for (int s = 0; s < states.size(); s++) {
                Tensor value = states.get(s).value();
                value.backend().assign(state.get(s), value);
            }
            for (int p = 0; p < optimizer.size(); p++) {
                SavedOptimizerState saved = optimizer.get(p);
                session.optimizerStates().get(p).restore(saved.steps(), saved.slots(), saved.scalars());
            }
            session.stopping().restore(bestLoss, bestEpoch, stopped, bestWeights);
        }
    }

    private record SavedOptimizerState(long steps, Map<String, double[]> slots, Map<String, Double> scalars) {
    }

    private static Saved readState(DataInputStream in, TrainingSession session, String source) throws IOException {
        int epoch = in.readInt();
        long batch = in.readLong();
        double lossSum = in.readDouble();
        long correct = in.readLong();
        long rows = in.readLong();
        int epochs = count(in, 1L << 24, "completed epochs", source);
        List<EpochResult> completed = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            completed.add(new EpochResult(in.readInt(), in.readDouble(), readOptional(in), readOptional(in),
                    readOptional(in), in.readDouble(), in.readDouble()));
        }
        long noiseDraws = in.readLong();
        long optimizerSteps = in.readLong();
        List<Parameter> parameters = session.network().parameters();
        List<double[]> parameterValues = readTensors(in, parameters.stream().map(Parameter::name).toList(),
                parameters.stream().map(Parameter::value).toList(), "parameter", source);
        List<State> state = session.network().state();
        List<double[]> stateValues = readTensors(in, state.stream().map(State::name).toList(),
                state.stream().map(State::value).toList(), "state tensor", source);
        List<SavedOptimizerState> optimizer = new ArrayList<>();
        for (Parameter parameter : parameters) {
            long steps = in.readLong();
            Map<String, double[]> slots = new LinkedHashMap<>();
            int slotCount = count(in, 64, "optimizer slots of " + parameter.name(), source);
            for (int s = 0; s < slotCount; s++) {
                String name = in.readUTF();
                slots.put(name, readValues(in, parameter.value().shape().size(), "optimizer slot " + name + " of "
                        + parameter.name(), source));
            }
            Map<String, Double> scalars = new LinkedHashMap<>();
            int scalarCount = count(in, 64, "optimizer scalars of " + parameter.name(), source);
            for (int s = 0; s < scalarCount; s++) {
                scalars.put(in.readUTF(), in.readDouble());
            }
            optimizer.add(new SavedOptimizerState(steps, slots, scalars));
        }
        double bestLoss = in.readDouble();
        int bestEpoch = in.readInt();
        boolean stopped = in.readBoolean();
        List<double[]> bestWeights = null;
        if (in.readBoolean()) {
            bestWeights = new ArrayList<>();
            for (Parameter parameter : parameters) {
                bestWeights.add(readValues(in, parameter.value().shape().size(), "best weights of " + parameter.name(),
                        source));
            }
        }
        if (in.available() != 0) {
            throw new CheckpointException(source + " is corrupt: " + in.available() + " unexpected bytes at its end");
        }
        if (epoch < 1 || batch < 0 || rows < 0 || noiseDraws < 0 || optimizerSteps < 0) {
            throw new CheckpointException(source + " is corrupt: its position (epoch " + epoch + ", batch " + batch
                    + ", step " + optimizerSteps + ") is impossible");
        }
        return new Saved(epoch, batch, lossSum, correct, rows, completed, noiseDraws, optimizerSteps, parameterValues,
                stateValues, optimizer, bestLoss, bestEpoch, stopped, bestWeights);
    }

    private static List<double[]> readTensors(DataInputStream in, List<String> names, List<Tensor> tensors,
            String what, String source) throws IOException {
        int count = in.readInt();
        if (count != names.size()) {
            throw new CheckpointException(source + " holds " + count + " " + what + "s but the network has "
                    + names.size());
        }
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            if (!name.equals(names.get(i))) {
                throw new CheckpointException(source + " holds the " + what + " '" + name + "' where the network has '"
                        + names.get(i) + "'");
            }
            values.add(readValues(in, tensors.get(i).shape().size(), what + " " + name, source));
        }
        return values;
    }

    private static void writeValues(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readValues(DataInputStream in, long expected, String what, String source)
            throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new CheckpointException(source + ": the " + what + " holds " + length + " values but the network's "
                    + "has " + expected);
        }
        if ((long) length * Double.BYTES > in.available()) {
            throw truncated(source);
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            writeLongString(out, entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new EOFException();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), readLongString(in));
        }
        return map;
    }

    private static void writeLongString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new EOFException();
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeOptional(DataOutputStream out, OptionalDouble value) throws IOException {
        out.writeBoolean(value.isPresent());
        out.writeDouble(value.orElse(0));
    }

    private static OptionalDouble readOptional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        double value = in.readDouble();
        return present ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private static int count(DataInputStream in, long max, String what, String source) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new CheckpointException(source + " is corrupt: it lists " + count + " " + what);
        }
        return count;
    }

    private static CheckpointException truncated(String source) {
        return new CheckpointException(source + " is truncated or corrupt: it ends before its last field");
    }
}

package dev.chainrule.core.io;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.MemorySize;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Saves and loads networks in Chainrule's model file format, version {@value #VERSION}: one file holding the
 * architecture as every layer's spec in JSON, every parameter tensor of {@link Network#parameters()} and every state
 * tensor of {@link Network#state()} by name and shape, and a checksum over both. No Java serialization; a model saved
 * on one backend loads on any other. Files of version 1 (dense layers only, no state) still load.
 *
 * <pre>
 * offset    size  content
 * 0         8     magic: 0x89 'C' 'H' 'R' '\r' '\n' 0x1A '\n'
 * 8         4     format version, unsigned 32-bit little-endian
 * 12        4     header length H in bytes, unsigned 32-bit little-endian
 * 16        H     header: UTF-8 JSON (format, dtype, inputs, layer specs, parameters, state, metadata)
 * 16+H      8     weights length B in bytes, 64-bit little-endian
 * 24+H      B     the parameters, then the state, in header order, each row-major, IEEE 754 little-endian in the
 *                 header's dtype
 * 24+H+B    4     CRC-32 of every byte before it, unsigned 32-bit little-endian
 * </pre>
 *
 * <p>Saving writes a temporary file beside the target and renames it over the target, so a crash never leaves a
 * half-written model. Loading checks everything before it builds anything: magic, version, lengths, checksum,
 * header, and that every layer and activation the model names is on the class path; a problem is a
 * {@link ModelFileException} that says which, and nothing is half-loaded.
 */
public final class ModelFile {

    /** The format version that this class writes and the newest it reads. */
    public static final int VERSION = 2;

    /** The oldest format version this class reads. */
    public static final int OLDEST_VERSION = 1;

    private static final byte[] MAGIC = {(byte) 0x89, 'C', 'H', 'R', '\r', '\n', 0x1A, '\n'};
    private static final int PREFIX = MAGIC.length + 4 + 4;

    private ModelFile() {
    }

    /** Saves {@code network} to {@code path} without metadata. */
    public static void save(Network network, Path path) throws IOException {
        save(network, Map.of(), path);
    }

    /**
     * Saves {@code network} and the application's {@code metadata} to {@code path}, atomically: the file is written
     * under a temporary name in the same folder and renamed over {@code path} when complete.
     */
    public static void save(Network network, Map<String, String> metadata, Path path) throws IOException {
        AtomicFiles.write(path, encode(network, metadata));
    }

    /** The bytes of a model file for {@code network} and {@code metadata}. */
    public static byte[] encode(Network network, Map<String, String> metadata) {
        ModelHeader header = ModelHeader.of(network, metadata);
        byte[] json = header.toJson().getBytes(StandardCharsets.UTF_8);
        long weightBytes = header.weightBytes();
        long total = PREFIX + json.length + 8L + weightBytes + 4;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the network is too large for one model file: " + total + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(json.length).put(json).putLong(weightBytes);
        List<Tensor> values = new ArrayList<>();
        network.parameters().forEach(parameter -> values.add(parameter.value()));
        network.state().forEach(state -> values.add(state.value()));
        for (Tensor tensor : values) {
            for (double value : tensor.toDoubleArray()) {
                if (header.dtype() == DType.FLOAT64) {
                    out.putDouble(value);
                } else {
                    out.putFloat((float) value);
                }
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Loads a model onto {@code backend} in the dtype it was saved in, resolving layers, activations and initializers in
     * {@code plugins}.
     */
    public static SavedModel load(Path path, TensorBackend backend, Plugins plugins) throws IOException {
        return decode(read(path), path.toString(), backend, plugins.layers(), plugins.activations(), null);
    }

    /** Loads a model onto {@code backend}, converting its parameters to {@code dtype}. */
    public static SavedModel load(Path path, TensorBackend backend, Plugins plugins, DType dtype) throws IOException {
        return decode(read(path), path.toString(), backend, plugins.layers(), plugins.activations(),
                dtype);
    }

    /**
     * Loads a model onto {@code backend} in the dtype it was saved in, resolving activations in {@code activations}
     * and layers among those discovered on the context class loader.
     */
    public static SavedModel load(Path path, TensorBackend backend, PluginRegistry<Activation> activations)
            throws IOException {
        return decode(read(path), path.toString(), backend, activations, null);
    }

    /** Loads a model onto {@code backend}, converting its parameters to {@code dtype}. */
    public static SavedModel load(Path path, TensorBackend backend, PluginRegistry<Activation> activations,
            DType dtype) throws IOException {
        return decode(read(path), path.toString(), backend, activations, dtype);
    }

    /**
     * Reads a model from the bytes of a model file, resolving activations in {@code activations} and layers among
     * those discovered on the context class loader.
     *
     * @param source      what to call the bytes in messages, usually the file name
     * @param dtype       the dtype to build the network in, or {@code null} for the one it was saved in
     */
    public static SavedModel decode(byte[] bytes, String source, TensorBackend backend,
            PluginRegistry<Activation> activations, DType dtype) throws ModelFileException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        PluginRegistry<Layer> layers = PluginRegistry.discover(Layer.class,
                context != null ? context : ModelFile.class.getClassLoader());
        return decode(bytes, source, backend, layers, activations, dtype);
    }

    /**
     * Reads a model from the bytes of a model file.
     *
     * @param source      what to call the bytes in messages, usually the file name
     * @param layers      resolves the layers the model names
     * @param activations resolves the activations its layers name
     * @param dtype       the dtype to build the network in, or {@code null} for the one it was saved in
     */
    public static SavedModel decode(byte[] bytes, String source, TensorBackend backend, PluginRegistry<Layer> layers,
            PluginRegistry<Activation> activations, DType dtype) throws ModelFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(Arrays.copyOf(bytes, magic), Arrays.copyOf(MAGIC, magic)) || bytes.length == 0) {
            throw new ModelFileException(source + " is not a Chainrule model file: it starts with "
                    + hex(bytes, magic) + " instead of " + hex(MAGIC, MAGIC.length));
        }
        if (bytes.length < PREFIX) {
            throw truncated(source, bytes.length, "the " + PREFIX + " bytes of a model file's start");
        }
        in.position(MAGIC.length);
        long version = Integer.toUnsignedLong(in.getInt());
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new ModelFileException(source + " has model format version " + version + "; this Chainrule reads "
                    + "versions " + OLDEST_VERSION + " to " + VERSION
                    + (version > VERSION ? ": it was written by a newer Chainrule" : ""));
        }
        long headerLength = Integer.toUnsignedLong(in.getInt());
        if (headerLength > HeaderJson.MAX_BYTES) {
            throw new ModelFileException(source + " is corrupt: its header is " + headerLength + " bytes long, more "
                    + "than the " + HeaderJson.MAX_BYTES + " a model file's header may have");
        }
        if (PREFIX + headerLength + 8 + 4 > bytes.length) {
            throw truncated(source, bytes.length, "a header of " + headerLength + " bytes");
        }
        in.position(PREFIX + (int) headerLength);
        long weightBytes = in.getLong();
        long available = bytes.length - (PREFIX + headerLength + 8 + 4);
        if (weightBytes < 0 || weightBytes > available) {
            throw truncated(source, bytes.length, weightBytes + " bytes of weights");
        }
        if (weightBytes < available) {
            throw new ModelFileException(source + " is corrupt: " + (available - weightBytes)
                    + " unexpected bytes after the checksum");
        }
        int weightsStart = in.position();
        in.position(weightsStart + (int) weightBytes);
        long storedCrc = Integer.toUnsignedLong(in.getInt());
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, weightsStart + (int) weightBytes);
        if (crc.getValue() != storedCrc) {
            throw new ModelFileException(String.format(Locale.ROOT, "%s is corrupt: its checksum is %08x but its "
                    + "contents give %08x", source, storedCrc, crc.getValue()));
        }
        ModelHeader header;
        try {
            header = ModelHeader.fromJson(bytes, PREFIX, (int) headerLength, version);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source + " has an invalid header: " + e.getMessage(), e);
        }
        if (header.weightBytes() != weightBytes) {
            throw new ModelFileException(source + " is corrupt: its header lists " + header.weightBytes()
                    + " bytes of parameters but it holds " + weightBytes);
        }
        StoredValues.checkFinite(header, in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(weightsStart), source);
        DType target = dtype == null ? header.dtype() : dtype;
        long values = weightBytes / header.bytesPerValue();
        String limit = "the " + values + " numbers that " + source + " holds";
        Network network = build(header, source, backend, layers, activations, target,
                MemorySize.bytes(values, target), limit);
        restore(header, network, in.position(weightsStart), source);
        return new SavedModel(network, header.metadata());
    }

    private static Network build(ModelHeader header, String source, TensorBackend backend, PluginRegistry<Layer> layers,
            PluginRegistry<Activation> activations, DType dtype, long limitBytes, String limit)
            throws ModelFileException {
        Function<Spec, Activation> activation = spec -> {
            if (activations.find(spec.name()).isEmpty()) {
                throw new IllegalArgumentException("it uses the activation '" + spec.name() + "', which is not on the "
                        + "class path. Put the jar that provides it on the class path (a jar with META-INF/services/"
                        + Activation.class.getName() + " naming it); the activations found are: "
                        + String.join(", ", activations.names()));
            }
            return activations.create(spec);
        };
        NetworkBuilder builder = new NetworkBuilder(backend, activation, header.input()).dtype(dtype)
                .withoutDrawingParameters().memoryLimit(limitBytes, limit);
        for (int k = 1; k <= header.layers().size(); k++) {
            String text = header.layers().get(k - 1);
            Spec spec;
            try {
                spec = Spec.parse(text);
            } catch (RuntimeException e) {
                throw new ModelFileException(source + ": layer " + k + " has a malformed spec: " + e.getMessage(), e);
            }
            if (layers.find(spec.name()).isEmpty()) {
                throw new ModelFileException(source + ": layer " + k + " is a '" + spec.name() + "' layer, which is not "
                        + "on the class path. Put the jar that provides it on the class path (a jar with "
                        + "META-INF/services/" + Layer.class.getName() + " naming it); the layers found are: "
                        + String.join(", ", layers.names()));
            }
            try {
                builder.layer(layers.create(spec));
            } catch (RuntimeException e) {
                throw new ModelFileException(source + ": layer " + k + "'s spec '" + text + "' cannot be created: "
                        + e.getMessage(), e);
            }
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new ModelFileException(source + ": " + e.getMessage(), e);
        }
    }

    private static void restore(ModelHeader header, Network network, ByteBuffer values, String source)
            throws ModelFileException {
        Map<String, Integer> offsets = new HashMap<>();
        Map<String, ModelHeader.Tensor> stored = new HashMap<>();
        long offset = 0;
        for (ModelHeader.Tensor tensor : header.tensors()) {
            if (stored.put(tensor.name(), tensor) != null) {
                throw new ModelFileException(source + " is corrupt: it lists the tensor '" + tensor.name() + "' twice");
            }
            offsets.put(tensor.name(), (int) offset);
            offset += tensor.size() * header.bytesPerValue();
        }
        Map<String, Tensor> needed = new LinkedHashMap<>();
        network.parameters().forEach(parameter -> needed.put(parameter.name(), parameter.value()));
        network.state().forEach(state -> needed.put(state.name(), state.value()));
        Set<String> unused = new LinkedHashSet<>(stored.keySet());
        for (Map.Entry<String, Tensor> entry : needed.entrySet()) {
            ModelHeader.Tensor tensor = stored.get(entry.getKey());
            Tensor value = entry.getValue();
            if (tensor == null) {
                throw new ModelFileException(source + " has no values for the tensor '" + entry.getKey()
                        + "' that its network needs; it holds " + stored.keySet());
            }
            if (tensor.rows() != value.rows() || tensor.columns() != value.columns()) {
                throw new ModelFileException(source + ": the tensor '" + entry.getKey() + "' is stored as "
                        + tensor.rows() + "x" + tensor.columns() + " but its network needs " + value.shape());
            }
            unused.remove(entry.getKey());
            double[] numbers = new double[(int) tensor.size()];
            ByteBuffer at = values.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            at.position(values.position() + offsets.get(entry.getKey()));
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = header.bytesPerValue() == Double.BYTES ? at.getDouble() : at.getFloat();
            }
            value.backend().assign(numbers, value);
        }
        if (!unused.isEmpty()) {
            throw new ModelFileException(source + " holds tensors that its network does not have: " + unused);
        }
    }

    /** The bytes of a model file, refusing a folder or a file larger than one byte array holds, by name. */
    private static byte[] read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new ModelFileException(path + " is a folder, not a model file");
        }
        long size = Files.size(path);
        if (size > Integer.MAX_VALUE - 16) {
            throw new ModelFileException(path + " is " + size + " bytes long, more than a model file can be ("
                    + (Integer.MAX_VALUE - 16) + "); it is not a Chainrule model file");
        }
        return Files.readAllBytes(path);
    }

    private static ModelFileException truncated(String source, int size, String expected) {
        return new ModelFileException(source + " is truncated or corrupt: it is " + size + " bytes long, too short for "
                + expected + "; save the model again");
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return text.length() == 0 ? "nothing" : text.toString();
    }
}

package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The side nodes that compute a {@code Reshape}'s target from the shape of the tensor being reshaped, as PyTorch writes
 * {@code x.view(x.size(0), -1)}: {@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Squeeze}, {@code Cast} and
 * {@code Concat} with constants. Their values are kept with the batch size as the marker {@link #BATCH}, so that
 * {@link #target} tells a flatten from a reshape to images; {@link #reshape} reads either as a change of
 * Chainrule's feature shape.
 */
final class ShapeNodes {

    /** The batch size, unknown until run time. */
    static final long BATCH = Long.MIN_VALUE;

    /** What a {@code Reshape} makes of an example: rows ({@code flat}) or images of {@code shape}. */
    record Reshape(boolean flat, FeatureShape shape) {
    }

    private final Initializers constants;
    private final Map<String, long[]> values = new HashMap<>();

    ShapeNodes(Initializers constants) {
        this.constants = constants;
    }

    /**
     * Reads {@code node} if it computes from the shape of {@code current} (whose examples are {@code example}, or rows
     * when {@code rows}) or from values read before; returns whether it did.
     */
    boolean read(NodeProto node, NodeAttributes attributes, String current, FeatureShape example, boolean rows) {
        if (node.getInputCount() == 0 || node.getOutputCount() != 1) {
            return false;
        }
        String input = node.getInput(0);
        long[] value = switch (node.getOpType()) {
            case "Shape" -> input.equals(current) && !attributes.has("start") && !attributes.has("end")
                    ? (rows ? new long[] {BATCH, example.size()}
                            : new long[] {BATCH, example.channels(), example.height(), example.width()})
                    : null;
            case "Gather" -> gather(node, attributes);
            case "Unsqueeze", "Squeeze", "Cast" -> values.get(input);
            case "Concat" -> concat(node);
            default -> null;
        };
        if (value == null) {
            return false;
        }
        values.put(node.getOutput(0), value);
        return true;
    }

    private long[] gather(NodeProto node, NodeAttributes attributes) {
        long[] from = values.get(node.getInput(0));
        if (from == null || node.getInputCount() < 2 || attributes.integer("axis", 0) != 0
                || !constants.has(node.getInput(1))) {
            return null;
        }
        double[] indices = constants.get(node.getInput(1)).values();
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            long index = (long) indices[i] < 0 ? from.length + (long) indices[i] : (long) indices[i];
            if (index < 0 || index >= from.length) {
                return null;
            }
            out[i] = from[(int) index];
        }
        return out;
    }

    private long[] concat(NodeProto node) {
        LongStream.Builder out = LongStream.builder();
        boolean computed = false;
        for (String input : node.getInputList()) {
            long[] known = values.get(input);
            if (known != null) {
                computed = true;
                Arrays.stream(known).forEach(out::add);
            } else if (constants.has(input)) {
                Arrays.stream(constants.get(input).values()).forEach(v -> out.add((long) v));
            } else {
                return null;
            }
        }
        return computed ? out.build().toArray() : null;
    }

    /** The target of a {@code Reshape}'s shape input {@code name}: computed here, or a constant; null if neither. */
    long[] target(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        return constants.has(name) ? Arrays.stream(constants.get(name).values()).mapToLong(v -> (long) v).toArray()
                : null;
    }

    /**
     * What reshaping examples of {@code size} numbers to {@code dims} (batch first: the batch, 0 or -1) makes: rows
     * ({@code batch x size}) or images ({@code batch x channels x height x width}); refused otherwise.
     */
    static Reshape reshape(long[] dims, int size, String where) throws OnnxException {
        boolean batchFirst = dims.length >= 2 && (dims[0] == BATCH || dims[0] == 0 || dims[0] == -1);
        long[] example = batchFirst ? Arrays.copyOfRange(dims, 1, dims.length) : new long[0];
        long inferred = Arrays.stream(example).filter(d -> d == -1).count();
        long known = Arrays.stream(example).filter(d -> d != -1).reduce(1, (a, b) -> a * b);
        boolean valid = batchFirst && (example.length == 1 || example.length == 3)
                && Arrays.stream(example).allMatch(d -> d == -1 || d >= 1)
                && (inferred == 0 && known == size || inferred == 1 && dims[0] != -1 && size % known == 0);
        if (!valid) {
            throw new OnnxException(where + " reshapes examples of " + size + " numbers to " + describe(dims)
                    + "; Chainrule imports reshapes to batch x " + size + " rows or to batch x channels x height x "
                    + "width images");
        }
        long[] sizes = Arrays.stream(example).map(d -> d == -1 ? size / known : d).toArray();
        return sizes.length == 1 ? new Reshape(true, FeatureShape.flat(size))
                : new Reshape(false, new FeatureShape((int) sizes[0], (int) sizes[1], (int) sizes[2]));
    }

    private static String describe(long[] dims) {
        return Arrays.toString(Arrays.stream(dims).mapToObj(d -> d == BATCH ? "batch" : Long.toString(d))
                .toArray());
    }
}

package dev.chainrule.onnx;

import com.google.protobuf.ByteString;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.onnx.proto.Onnx.AttributeProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import dev.chainrule.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX graph an export is writing, as the mappings see it: nodes are added in order, each with one output whose
 * name it returns, and constants become initializers in the graph's {@link #dtype()}. Names are unique; each node is
 * named after the layer being written ({@code layer 3/Relu_12}), which is how messages and tools find it.
 */
public final class OnnxGraph {

    private final DType dtype;
    private final Mappings mappings;
    private final List<NodeProto> nodes = new ArrayList<>();
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Map<Double, String> scalars = new HashMap<>();
    private String scope = "input";
    private int counter;

    OnnxGraph(DType dtype, Mappings mappings) {
        this.dtype = dtype;
        this.mappings = mappings;
    }

    /** The element type of every tensor the network computes with: FLOAT32 or FLOAT64. */
    public DType dtype() {
        return dtype;
    }

    /**
     * Adds a node and returns the name of its (only) output.
     *
     * @param opType     the ONNX operator in the default domain, such as {@code LeakyRelu}
     * @param attributes its attributes: a {@link Double} or {@link Float} is a float, an {@link Integer} or
     *                   {@link Long} an int, a {@link String} a string, a {@code long[]} ints, a {@code float[]} floats
     * @param inputs     names of its input tensors, in the operator's order ({@code ""} for a skipped optional input)
     */
    public String op(String opType, Map<String, ?> attributes, String... inputs) {
        String output = scope + "/" + opType + "_" + counter++;
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        attributes.forEach((name, value) -> node.addAttribute(attribute(name, value)));
        nodes.add(node.build());
        return output;
    }

    /** Adds a node without attributes and returns the name of its output. */
    public String op(String opType, String... inputs) {
        return op(opType, Map.of(), inputs);
    }

    /** The name of a scalar constant in the graph's dtype, broadcast against any tensor; one initializer per value. */
    public String constant(double value) {
        return scalars.computeIfAbsent(value, v -> add("constant_" + scalars.size(), new double[] {v}, new long[0]));
    }

    /**
     * Adds an initializer named {@code layer k local} holding {@code values} (row-major) in the graph's dtype.
     *
     * @param dims its ONNX shape, whose product is {@code values.length}
     * @return its name
     */
    public String tensor(String local, double[] values, long... dims) {
        long size = 1;
        for (long dim : dims) {
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(scope + " " + local + ": " + values.length + " values for shape "
                    + java.util.Arrays.toString(dims));
        }
        return add(scope + " " + local, values, dims);
    }

    /** Adds an initializer holding a Chainrule tensor's values with the given ONNX shape. */
    public String tensor(String local, Tensor value, long... dims) {
        return tensor(local, value.toDoubleArray(), dims);
    }

    /**
     * Adds an initializer holding int64 values, for operators that take shapes or axes; named {@code local} and a
     * number, outside the layer's own tensors.
     */
    public String int64s(String local, long... values) {
        TensorProto proto = TensorProto.newBuilder().setName(unique(local + "_" + counter++))
                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length)
                .addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()).build();
        initializers.put(proto.getName(), proto);
        return proto.getName();
    }

    /** Reshapes {@code input} to {@code batch x dims...}; the batch dimension stays dynamic. */
    public String reshape(String input, long... dims) {
        long[] shape = new long[dims.length + 1];
        shape[0] = -1;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return op("Reshape", input, int64s("shape", shape));
    }

    /**
     * Adds the nodes of {@code activation} applied to {@code input}, through the activation's mapping.
     *
     * @throws OnnxException when no mapping for it is on the class path, naming it and {@link ActivationMapping}
     */
    public String activation(Activation activation, String input) throws OnnxException {
        ClassLoader plugin = activation.getClass().getClassLoader();
        return mappings.activation(activation.name(), plugin).export(activation, input, this);
    }

    String layer(Layer layer, FeatureShape input, String name, int index) throws OnnxException {
        scope = Layer.tensorName(index, "").trim();
        return mappings.layer(layer.name(), layer.getClass().getClassLoader()).export(layer, input, name, this);
    }

    void scope(String value) {
        scope = value;
    }

    List<NodeProto> nodes() {
        return nodes;
    }

    List<TensorProto> initializers() {
        return List.copyOf(initializers.values());
    }

    /** A number argument of {@code spec}, or {@code fallback} when absent. */
    public static double number(Spec spec, String key, double fallback) {
        String value = spec.arguments().get(key);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private String add(String name, double[] values, long[] dims) {
        TensorProto.Builder proto = TensorProto.newBuilder().setName(unique(name)).setDataType(elementType(dtype));
        for (long dim : dims) {
            proto.addDims(dim);
        }
        ByteBuffer raw;
        if (dtype == DType.FLOAT64) {
            raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : values) {
                raw.putDouble(value);
            }
        } else {
            raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : values) {
                raw.putFloat((float) value);
            }
        }
        proto.setRawData(ByteString.copyFrom(raw.array()));
        TensorProto built = proto.build();
        initializers.put(built.getName(), built);
        return built.getName();
    }

    private String unique(String name) {
        String candidate = name;
        for (int k = 2; initializers.containsKey(candidate); k++) {
            candidate = name + " " + k;
        }
        return candidate;
    }

    static int elementType(DType dtype) {
        return dtype == DType.FLOAT64 ? TensorProto.DataType.DOUBLE_VALUE : TensorProto.DataType.FLOAT_VALUE;
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
        if (value instanceof Double || value instanceof Float) {
            attribute.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof Integer || value instanceof Long) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(((Number) value).longValue());
        } else if (value instanceof String text) {
            attribute.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(text));
        } else if (value instanceof long[] longs) {
            attribute.setType(AttributeProto.AttributeType.INTS);
            for (long element : longs) {
                attribute.addInts(element);
            }
        } else if (value instanceof float[] floats) {
            attribute.setType(AttributeProto.AttributeType.FLOATS);
            for (float element : floats) {
                attribute.addFloats(element);
            }
        } else {
            throw new IllegalArgumentException("attribute " + name + " has a value of unsupported type "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return attribute.build();
    }
}

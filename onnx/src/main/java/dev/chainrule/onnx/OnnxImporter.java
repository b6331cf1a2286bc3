package dev.chainrule.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.network.State;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.onnx.proto.Onnx.GraphProto;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import dev.chainrule.onnx.proto.Onnx.OperatorSetIdProto;
import dev.chainrule.onnx.proto.Onnx.TensorProto;
import dev.chainrule.onnx.proto.Onnx.TensorShapeProto;
import dev.chainrule.onnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ONNX models of dense and convolutional networks, as PyTorch's and Keras's exporters and Chainrule's own
 * write them, into a Chainrule {@link Network} on any backend: {@code Gemm} or {@code MatMul} + {@code Add} as dense
 * layers, {@code Conv}, {@code MaxPool}, {@code AveragePool} and {@code GlobalAveragePool} as conv2d, max_pool2d,
 * avg_pool2d and global_avg_pool2d (the network's input shape from a {@code batch x channels x height x width}
 * input), the activation operators as their activations, {@code BatchNormalization} and {@code LayerNormalization}
 * as batch_norm and layer_norm, {@code Flatten} and {@code Reshape} to rows as flatten, {@code Identity},
 * {@code Dropout} and constant initialisers (see {@link GraphReader#SUPPORTED}). A malformed or truncated file, or a graph with anything else, is an
 * {@link OnnxException} naming the file and the operator and node at fault; nothing is half-built.
 */
public final class OnnxImporter {

    /** The newest default-domain opset whose operators the importer knows. */
    public static final int NEWEST_OPSET = 21;

    private static final int OLDEST_OPSET = 7;

    private final TensorBackend backend;
    private final Plugins plugins;

    /** An importer that builds networks on {@code backend} from the layers and activations in {@code plugins}. */
    public OnnxImporter(TensorBackend backend, Plugins plugins) {
        this.backend = backend;
        this.plugins = plugins;
    }

    /**
     * Reads the model in {@code path}.
     *
     * @param dtype the dtype of the network, or {@code null} for the model's own (float32 or float64)
     */
    public ImportedModel load(Path path, DType dtype) throws IOException {
        return decode(Files.readAllBytes(path), path.toString(), dtype);
    }

    /**
     * Reads a model from the bytes of an ONNX file.
     *
     * @param source what to call the bytes in messages, usually the file name
     * @param dtype  the dtype of the network, or {@code null} for the model's own
     */
    public ImportedModel decode(byte[] bytes, String source, DType dtype) throws OnnxException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxException(source + " is not a readable ONNX model (malformed or truncated protobuf: "
                    + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new OnnxException(source + " is not an ONNX model: it holds no graph with nodes"
                    + (bytes.length == 0 ? " (the file is empty)" : ""));
        }
        checkOpset(model, source);
        GraphProto graph = model.getGraph();
        Initializers constants = new Initializers(source);
        for (TensorProto tensor : graph.getInitializerList()) {
            constants.add(tensor);
        }
        ValueInfoProto input = input(graph, constants, source);
        int width = width(input, source);
        DType own = input.getType().getTensorType().getElemType() == TensorProto.DataType.DOUBLE_VALUE
                ? DType.FLOAT64 : DType.FLOAT32;
        if (graph.getOutputCount() != 1) {
            throw new OnnxException(source + " has " + graph.getOutputCount() + " outputs; Chainrule imports "
                    + "networks with one");
        }
        Map<Integer, String> ownLayers = new java.util.HashMap<>();
        FeatureShape shape = shape(input, width);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (var entry : model.getMetadataPropsList()) {
            if (entry.getKey().equals(OnnxExporter.INPUT_SHAPE_KEY)) {
                shape = inputShape(entry.getValue(), width, source);
            } else if (entry.getKey().startsWith(OnnxExporter.LAYER_KEY)) {
                ownLayers.put(layerPosition(entry.getKey(), source), entry.getValue());
            } else {
                metadata.put(entry.getKey(), entry.getValue());
            }
        }
        GraphReader reader = new GraphReader(source, constants, input.getName(), shape,
                (spec, in) -> layerShape(spec, in, source), ownLayers, constants.all());
        reader.read(graph);
        if (!reader.current().equals(graph.getOutput(0).getName())) {
            throw new OnnxException(source + ": the graph's output '" + graph.getOutput(0).getName()
                    + "' is not the end of its chain of layers ('" + reader.current() + "')");
        }
        if (reader.plans().isEmpty()) {
            throw new OnnxException(source + " holds no layer (no Gemm, MatMul or normalisation)");
        }
        Network network = build(reader.plans(), reader.inputShape(), dtype == null ? own : dtype, source);
        return new ImportedModel(network, reader.input(), reader.output(), metadata);
    }

    /** An input of {@code batch x channels x height x width} gives images; any other input rows of its numbers. */
    private static FeatureShape shape(ValueInfoProto input, int width) {
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        return dims.size() == 4 ? new FeatureShape((int) dims.get(1).getDimValue(), (int) dims.get(2).getDimValue(),
                (int) dims.get(3).getDimValue()) : FeatureShape.flat(width);
    }

    /** The output shape of the layer {@code spec} (from a model Chainrule exported) on {@code input}. */
    private FeatureShape layerShape(String spec, FeatureShape input, String source) throws OnnxException {
        try {
            return plugins.layers().create(spec).outputShape(input);
        } catch (IllegalArgumentException e) {
            throw new OnnxException(source + ": its layer " + spec + " cannot take examples of " + input + ": "
                    + e.getMessage(), e);
        }
    }

    /** The input shape Chainrule recorded ({@code 1x28x28}), which must hold the input's {@code width} numbers. */
    private static FeatureShape inputShape(String text, int width, String source) throws OnnxException {
        try {
            String[] parts = text.split("x");
            FeatureShape shape = new FeatureShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]));
            if (parts.length == 3 && shape.size() == width) {
                return shape;
            }
        } catch (RuntimeException e) {
            throw new OnnxException(source + " has a malformed input shape '" + text + "' in its metadata", e);
        }
        throw new OnnxException(source + "'s metadata gives the input shape " + text + " but its input has " + width
                + " numbers per example");
    }

    private static int layerPosition(String key, String source) throws OnnxException {
        try {
            return Integer.parseInt(key.substring(OnnxExporter.LAYER_KEY.length()));
        } catch (NumberFormatException e) {
            throw new OnnxException(source + " has a malformed metadata key '" + key + "'", e);
        }
    }

    private static void checkOpset(ModelProto model, String source) throws OnnxException {
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            boolean standard = opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx");
            if (standard && (opset.getVersion() < OLDEST_OPSET || opset.getVersion() > NEWEST_OPSET)) {
                throw new OnnxException(source + " uses ONNX opset " + opset.getVersion() + "; Chainrule imports opsets "
                        + OLDEST_OPSET + " to " + NEWEST_OPSET);
            }
        }
    }

    /** The graph's one input that is not an initializer (older exporters list initializers as inputs too). */
    private static ValueInfoProto input(GraphProto graph, Initializers constants, String source)
            throws OnnxException {
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto input : graph.getInputList()) {
            if (!constants.has(input.getName())) {
                inputs.add(input);
            }
        }
        if (inputs.size() != 1) {
            throw new OnnxException(source + " has " + inputs.size() + " inputs; Chainrule imports networks with one");
        }
        ValueInfoProto input = inputs.get(0);
        int type = input.getType().getTensorType().getElemType();
        if (type != TensorProto.DataType.FLOAT_VALUE && type != TensorProto.DataType.DOUBLE_VALUE) {
            throw new OnnxException(source + ": the input '" + input.getName() + "' has element type "
                    + TensorProto.DataType.forNumber(type) + "; Chainrule imports float and double networks");
        }
        return input;
    }

    /** The numbers per example: the product of every dimension after the batch. */
    private static int width(ValueInfoProto input, String source) throws OnnxException {
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        if (dims.size() < 2) {
            throw new OnnxException(source + ": the input '" + input.getName() + "' has " + dims.size()
                    + " dimensions; Chainrule needs a batch dimension and the example's");
        }
        long width = 1;
        for (TensorShapeProto.Dimension dim : dims.subList(1, dims.size())) {
            if (!dim.hasDimValue() || dim.getDimValue() < 1) {
                throw new OnnxException(source + ": the input '" + input.getName() + "' has a dimension of unknown "
                        + "size after the batch; Chainrule needs the size of each example");
            }
            width *= dim.getDimValue();
            if (width > Integer.MAX_VALUE) {
                throw new OnnxException(source + ": the input has more than " + Integer.MAX_VALUE + " numbers per row");
            }
        }
        return (int) width;
    }

    private Network build(List<LayerPlan> plans, FeatureShape shape, DType dtype, String source)
            throws OnnxException {
        NetworkBuilder builder = new NetworkBuilder(backend, plugins.layers(), plugins.activations(),
                plugins.initializers(), shape).dtype(dtype).withoutDrawingParameters();
        Network network;
        try {
            for (LayerPlan plan : plans) {
                builder.layer(plugins.layers().create(plan.spec()));
            }
            network = builder.build();
        } catch (IllegalArgumentException e) {
            throw new OnnxException(source + ": the network it describes cannot be built: " + e.getMessage(), e);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Parameter parameter : network.parameters()) {
            tensors.put(parameter.name(), parameter.value());
        }
        for (State state : network.state()) {
            tensors.put(state.name(), state.value());
        }
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            int k = Integer.parseInt(name.split(" ")[1]);
            String local = name.substring(dev.chainrule.core.network.Layer.tensorName(k, "").length());
            double[] values = plans.get(k - 1).tensors().get(local);
            if (values == null || values.length != entry.getValue().shape().size()) {
                throw new OnnxException(source + ": layer " + k + " (" + plans.get(k - 1).spec() + ") needs "
                        + entry.getValue().shape().size() + " values for its tensor '" + local + "' but the file has "
                        + (values == null ? "none" : values.length));
            }
            backend.assign(values, entry.getValue());
        }
        return network;
    }
}

package dev.chainrule.onnx;

import dev.chainrule.core.io.AtomicFiles;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.onnx.proto.Onnx.GraphProto;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import dev.chainrule.onnx.proto.Onnx.OperatorSetIdProto;
import dev.chainrule.onnx.proto.Onnx.StringStringEntryProto;
import dev.chainrule.onnx.proto.Onnx.TensorShapeProto;
import dev.chainrule.onnx.proto.Onnx.TypeProto;
import dev.chainrule.onnx.proto.Onnx.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a Chainrule network as an ONNX model (opset {@value #OPSET}) for inference anywhere ONNX runs: every layer
 * through its {@link LayerMapping}, every activation through its {@link ActivationMapping} (built in for all of
 * Chainrule's, discovered on the class path for third-party ones), parameters and running statistics as initializers
 * in the network's dtype, and the input and output standardization of {@link ExportOptions} as operators. The input
 * is {@code input} of shape {@code batch x features} with a dynamic batch dimension, the output {@code output}.
 */
public final class OnnxExporter {

    /** The ONNX operator set the exporter writes. */
    public static final int OPSET = 17;

    /** The ONNX IR version of the files it writes (the one that goes with opset 17). */
    public static final int IR_VERSION = 8;

    /** The name of the model's input. */
    public static final String INPUT = "input";

    /** The name of the model's output. */
    public static final String OUTPUT = "output";

    /**
     * The metadata key prefix under which the exporter records each layer's spec ({@code chainrule.layer.3}), so that
     * {@link OnnxImporter} rebuilds a Chainrule model exactly, whatever operators its layers became.
     */
    public static final String LAYER_KEY = "chainrule.layer.";

    /** The metadata key of the network's input shape, {@code channels x height x width} ({@code 1x28x28}). */
    public static final String INPUT_SHAPE_KEY = "chainrule.input_shape";

    private final Mappings mappings;

    /** An exporter with the built-in mappings and those registered on the context class loader. */
    public OnnxExporter() {
        this(contextClassLoader());
    }

    /** An exporter with the built-in mappings and those registered on {@code classLoader}. */
    public OnnxExporter(ClassLoader classLoader) {
        this.mappings = Mappings.discover(classLoader);
    }

    /** Writes {@code network} with {@code options} to {@code path} atomically (a temporary file renamed). */
    public void save(Network network, ExportOptions options, Path path) throws IOException {
        AtomicFiles.write(path, encode(network, options));
    }

    /**
     * The bytes of the ONNX model for {@code network}.
     *
     * @throws OnnxException when a layer or activation has no mapping (naming it and the interface to implement), or
     *                       the standardization does not fit the network's input or output width
     */
    public byte[] encode(Network network, ExportOptions options) throws OnnxException {
        DType dtype = network.dtype();
        OnnxGraph graph = new OnnxGraph(dtype, mappings);
        String current = INPUT;
        if (options.input().isPresent()) {
            Standardization input = fitting(options.input().get(), network.inputs(), "input");
            graph.scope("preprocessing");
            current = graph.op("Div", graph.op("Sub", current, graph.tensor("feature_offset", input.offset(),
                    input.size())), graph.tensor("feature_scale", input.scale(), input.size()));
        }
        for (int k = 1; k <= network.layers().size(); k++) {
            Layer layer = network.layer(k);
            try {
                current = graph.layer(layer, network.inputShape(k), current, k);
            } catch (OnnxException | RuntimeException e) {
                throw new OnnxException("cannot export layer " + k + " (" + layer.spec() + "): " + e.getMessage(), e);
            }
        }
        if (options.output().isPresent()) {
            Standardization output = fitting(options.output().get(), network.outputs(), "output");
            graph.scope("postprocessing");
            current = graph.op("Add", graph.op("Mul", current, graph.tensor("target_scale", output.scale(),
                    output.size())), graph.tensor("target_offset", output.offset(), output.size()));
        }
        GraphProto.Builder proto = GraphProto.newBuilder().setName("chainrule")
                .addInput(value(INPUT, dtype, network.inputs()))
                .addOutput(value(OUTPUT, dtype, network.outputs()))
                .addAllInitializer(graph.initializers());
        for (var node : graph.nodes()) {
            proto.addNode(node);
        }
        rename(proto, current);
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("chainrule")
                .setProducerVersion(version()).setGraph(proto)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(INPUT_SHAPE_KEY)
                .setValue(network.inputShape().channels() + "x" + network.inputShape().height() + "x"
                        + network.inputShape().width()));
        for (int k = 1; k <= network.layers().size(); k++) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(LAYER_KEY + k)
                    .setValue(network.layer(k).spec().toString()));
        }
        options.metadata().forEach((key, value) -> model.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build().toByteArray();
    }

    /** Makes the last node write {@code output}; a graph without nodes (impossible for a network) gets an Identity. */
    private static void rename(GraphProto.Builder graph, String last) {
        if (last.equals(INPUT)) {
            graph.addNode(dev.chainrule.onnx.proto.Onnx.NodeProto.newBuilder().setOpType("Identity")
                    .setName(OUTPUT).addInput(INPUT).addOutput(OUTPUT));
            return;
        }
        int index = graph.getNodeCount() - 1;
        var node = graph.getNode(index);
        if (!node.getOutput(0).equals(last)) {
            throw new IllegalStateException("the last node does not write the network's output " + last);
        }
        graph.setNode(index, node.toBuilder().setOutput(0, OUTPUT));
    }

    private static Standardization fitting(Standardization standardization, int width, String where)
            throws OnnxException {
        if (standardization.size() != width) {
            throw new OnnxException("the " + where + " standardization has " + standardization.size()
                    + " features but the network's " + where + " has " + width);
        }
        return standardization;
    }

    static ValueInfoProto value(String name, DType dtype, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(OnnxGraph.elementType(dtype)).setShape(shape))).build();
    }

    private static String version() {
        String version = OnnxExporter.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : OnnxExporter.class.getClassLoader();
    }
}

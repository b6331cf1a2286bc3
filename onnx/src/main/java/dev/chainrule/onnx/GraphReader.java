package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.onnx.Initializers.Constant;
import dev.chainrule.onnx.proto.Onnx.GraphProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ONNX graph of a dense or convolutional network as a chain of Chainrule layers: node by node, each must
 * continue the chain from the graph's input, while the reader follows the shape of an example ({@code channels x
 * height x width}, or rows) to give each layer its geometry and the network its input shape. Understood:
 * {@code Gemm}, {@code MatMul} (+ {@code Add} as its bias), {@code Conv} (with a {@code BatchNormalization} right
 * after it folded in), {@code MaxPool}, {@code AveragePool} (with a {@code Pad} before it), {@code GlobalAveragePool},
 * {@code Flatten}, {@code Reshape} to rows or images (its target constant or computed by {@link ShapeNodes}),
 * {@code Identity}, {@code Dropout}, {@code Constant}, {@code BatchNormalization}, {@code LayerNormalization}, the
 * activation operators, and the standardization Chainrule writes around a network ({@code Sub}, {@code Div} first;
 * {@code Mul}, {@code Add} last). Anything else is refused with its operator and node. The reader orders the nodes
 * and keeps the shape; {@link DenseNodes}, {@link WindowNodes}, {@link NormalizationNodes} and
 * {@link ActivationOperators} turn single nodes into layers, from constant inputs decoded by {@link ConstantInputs}.
 */
final class GraphReader {

    static final String SUPPORTED = "Gemm, MatMul, Add (bias), Conv, MaxPool, AveragePool, Pad (before Conv or "
            + "AveragePool), GlobalAveragePool, Flatten, Reshape, Shape, Gather, Unsqueeze, Concat, Identity, Dropout, "
            + "Constant, "
            + "BatchNormalization, LayerNormalization, Relu, Sigmoid, Tanh, Softmax, LogSoftmax, Exp, LeakyRelu, "
            + "PRelu, Elu, Selu, Celu, HardSigmoid, HardSwish, Softplus, Softsign, ThresholdedRelu, Mish, Gelu, Clip, "
            + "Shrink";

    private final String source;
    private final Initializers constants;
    private final List<LayerPlan> plans = new ArrayList<>();
    private String current;
    private FeatureShape shape;
    private FeatureShape inputShape;
    /**
     * Whether the ONNX tensor is {@code batch x numbers} rather than {@code batch x channels x height x width}; rows
     * while {@link #shape} still says images are a flatten not yet placed.
     */
    private boolean rows;
    /** A {@code Pad} node's padding that the next window operator takes. */
    private Padding padded;
    private double[] inputOffset;
    private double[] inputScale;
    private double[] outputScale;
    private double[] outputOffset;
    private int inputWidth;

    private final LayerShapes layerShapes;
    private final ShapeNodes shapes;
    private final Map<Integer, String> ownLayers;
    private final Map<String, Constant> layerTensors;

    /**
     * A reader of one graph.
     *
     * @param ownLayers    for a model Chainrule exported: each layer's spec by position, from its metadata
     * @param layerTensors the graph's initializers by name, where such a model keeps each layer's tensors
     *                     ({@code layer 2 gamma})
     */
    GraphReader(String source, Initializers constants, String input, FeatureShape shape, LayerShapes layerShapes,
            Map<Integer, String> ownLayers, Map<String, Constant> layerTensors) {
        this.source = source;
        this.constants = constants;
        this.ownLayers = ownLayers;
        this.layerTensors = layerTensors;
        this.current = input;
        this.shape = shape;
        this.inputShape = shape;
        this.rows = shape.isFlat();
        this.layerShapes = layerShapes;
        this.shapes = new ShapeNodes(constants);
    }

    /** The output shape of the layer {@code spec} on {@code input}, from its plugin. */
    @FunctionalInterface
    interface LayerShapes {
        FeatureShape output(String spec, FeatureShape input) throws OnnxException;
    }

    /** The shape of the network's input: the graph input's, or that of a reshape to images before any layer. */
    FeatureShape inputShape() {
        return inputShape;
    }

    private int width() {
        return shape.size();
    }

    List<LayerPlan> plans() {
        return plans;
    }

    String current() {
        return current;
    }

    Optional<Standardization> input() throws OnnxException {
        if (inputOffset == null && inputScale == null) {
            return Optional.empty();
        }
        return Optional.of(standardization(inputOffset, inputScale, inputWidth));
    }

    Optional<Standardization> output() throws OnnxException {
        if (outputScale == null && outputOffset == null) {
            return Optional.empty();
        }
        return Optional.of(standardization(outputOffset, outputScale, width()));
    }

    void read(GraphProto graph) throws OnnxException {
        inputWidth = width();
        List<NodeProto> nodes = graph.getNodeList();
        for (int n = 0; n < nodes.size(); n++) {
            NodeProto node = nodes.get(n);
            int own = ownLayer(node);
            if (own > 0) {
                n = ownLayer(nodes, n, own) - 1;
                continue;
            }
            String where = source + ": node '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName())
                    + "' (" + node.getOpType() + ")";
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                throw unsupported(where + " is in the operator domain '" + node.getDomain() + "'");
            }
            if (node.getOpType().equals("Constant")) {
                ConstantInputs.addConstantNode(constants, node, where);
                continue;
            }
            NodeAttributes attributes = NodeAttributes.of(node);
            if (shapes.read(node, attributes, current, shape, rows)) {
                continue;
            }
            if (node.getInputCount() == 0 || !node.getInput(0).equals(current)) {
                throw new OnnxException(where + " does not continue the chain of layers from the graph's input (its "
                        + "input is " + node.getInputList() + ", the chain is at '" + current + "'); Chainrule imports "
                        + "networks whose nodes form one chain");
            }
            if (outputOffset != null) {
                throw unsupported(where + " comes after the output's scaling");
            }
            Padding before = padded;
            padded = null;
            if (before != null && !node.getOpType().equals("Conv") && !node.getOpType().equals("AveragePool")
                    && !node.getOpType().equals("MaxPool")) {
                throw new OnnxException(where + " follows a Pad; Chainrule imports Pad right before a Conv or "
                        + "AveragePool, as the padding of its window");
            }
            step(node, where, attributes, before == null ? Padding.NONE : before);
            current = node.getOutput(0);
        }
        if (padded != null) {
            throw new OnnxException(source + ": the graph ends in a Pad; Chainrule imports Pad right before a Conv or "
                    + "AveragePool");
        }
        rows();
    }

    /** Places the flatten layer that a Flatten or Reshape to rows asked for, if a layer is to follow. */
    private void rows() {
        if (rows && !shape.isFlat()) {
            plans.add(LayerPlan.other("flatten", width()));
            shape = FeatureShape.flat(width());
        }
    }

    /** Whether the ONNX tensor is a batch of images ({@code batch x channels x height x width}), not rows. */
    private boolean images() {
        return !rows;
    }

    /** The position of the Chainrule layer whose nodes {@code node} starts, or 0. */
    private int ownLayer(NodeProto node) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("layer (\\d+)/.*").matcher(node.getName());
        if (!matcher.matches()) {
            return 0;
        }
        int k = Integer.parseInt(matcher.group(1));
        return ownLayers.containsKey(k) && k == plans.size() + 1 ? k : 0;
    }

    /**
     * Reads the nodes of layer {@code k} of a model Chainrule exported, from {@code first}: its spec from the
     * metadata, its tensors from the initializers named after it; returns the index after its last node.
     */
    private int ownLayer(List<NodeProto> nodes, int first, int k) throws OnnxException {
        String prefix = "layer " + k + "/";
        int end = first;
        boolean continues = false;
        while (end < nodes.size() && nodes.get(end).getName().startsWith(prefix)) {
            continues |= nodes.get(end).getInputList().contains(current);
            end++;
        }
        if (!continues) {
            throw new OnnxException(source + ": no node of layer " + k + " continues the chain from '" + current
                    + "'");
        }
        LayerPlan plan = LayerPlan.other(ownLayers.get(k), width());
        shape = layerShapes.output(plan.spec(), shape);
        rows = true; // Chainrule's export of every layer ends in rows
        String tensorPrefix = dev.chainrule.core.network.Layer.tensorName(k, "");
        for (Map.Entry<String, Constant> entry : layerTensors.entrySet()) {
            if (entry.getKey().startsWith(tensorPrefix)) {
                plan.put(entry.getKey().substring(tensorPrefix.length()), entry.getValue().values().clone());
            }
        }
        plans.add(plan);
        current = nodes.get(end - 1).getOutput(0);
        return end;
    }

    private void step(NodeProto node, String where, NodeAttributes attributes, Padding before)
            throws OnnxException {
        switch (node.getOpType()) {
            case "Identity", "Dropout" -> {
                // inference: both pass the input through
            }
            case "Flatten" -> {
                long axis = attributes.integer("axis", 1);
                if (axis != 1) {
                    throw unsupported(where + " flattens from axis " + axis + "; Chainrule keeps one example per row "
                            + "(axis 1)");
                }
                rows = true;
            }
            case "Reshape" -> reshape(node, where);
            case "Pad" -> padded = Padding.ofPadNode(node, attributes, constants, where);
            case "Conv", "MaxPool", "AveragePool", "GlobalAveragePool" -> window(node, where, attributes, before);
            case "GlobalMaxPool" -> throw unsupported(where + ": Chainrule has no global max pooling (only "
                    + "GlobalAveragePool, as global_avg_pool2d)");
            case "Transpose" -> throw unsupported(where + " permutes the axes by "
                    + java.util.Arrays.toString(attributes.integers("perm", new long[0])) + " (a channels-last, NHWC, "
                    + "layout as Keras models converted by tf2onnx have); Chainrule's layers read images channels "
                    + "first (NCHW) and import no Transpose");
            case "Gemm" -> {
                rows();
                dense(DenseNodes.gemm(constants, node, attributes, width(), where));
            }
            case "MatMul" -> {
                rows();
                dense(DenseNodes.matmul(constants, node, width(), where));
            }
            case "Add" -> add(node, where);
            case "Sub" -> inputOffset = standardizing(node, where, inputOffset == null && inputScale == null
                    && plans.isEmpty());
            case "Div" -> inputScale = standardizing(node, where, inputScale == null && plans.isEmpty());
            case "Mul" -> outputScale = standardizing(node, where, !plans.isEmpty() && outputScale == null);
            case "BatchNormalization" -> batchNorm(node, where, attributes);
            case "LayerNormalization" -> layerNorm(node, where, attributes);
            default -> activation(node, where, attributes);
        }
    }

    private void reshape(NodeProto node, String where) throws OnnxException {
        if (node.getInputCount() < 2 || node.getInput(1).isEmpty()) {
            throw new OnnxException(where + " lacks its shape");
        }
        long[] target = shapes.target(node.getInput(1));
        if (target == null) {
            throw unsupported(where + " takes its shape from '" + node.getInput(1) + "', which is neither a constant "
                    + "nor computed from the shape of its input");
        }
        ShapeNodes.Reshape reshape = ShapeNodes.reshape(target, width(), where);
        if (reshape.flat()) {
            rows = true;
        } else if (plans.isEmpty()) {
            shape = reshape.shape();
            inputShape = shape;
            rows = false;
        } else if (reshape.shape().equals(shape)) {
            rows = false;
        } else {
            throw new OnnxException(where + " reshapes examples of " + shape + " to " + reshape.shape()
                    + "; Chainrule has no layer that rearranges an example after the first layer");
        }
    }

    private void window(NodeProto node, String where, NodeAttributes attributes, Padding before)
            throws OnnxException {
        if (rows) {
            throw new OnnxException(where + " takes rows of " + width() + " numbers (a flat input, or after a Flatten "
                    + "or Reshape); Chainrule's window layers take images of channels x height x width");
        }
        WindowNodes.Read read = switch (node.getOpType()) {
            case "Conv" -> WindowNodes.conv(node, attributes, constants, shape, before, where);
            case "GlobalAveragePool" -> WindowNodes.globalAverage(shape);
            default -> WindowNodes.pool(node, attributes, shape, before, where);
        };
        plans.add(read.plan());
        shape = read.output();
        rows = false;
    }

    private void dense(LayerPlan plan) {
        plans.add(plan);
        shape = FeatureShape.flat(plan.units());
        rows = true;
    }

    private void add(NodeProto node, String where) throws OnnxException {
        Constant addend = constantInput(node, 1, where, "the value it adds");
        if (outputScale != null) {
            outputOffset = ConstantInputs.broadcast(addend, width(), where, "offset");
            return;
        }
        LayerPlan last = plans.isEmpty() ? null : plans.get(plans.size() - 1);
        if (last == null || !last.takesBias()) {
            throw unsupported(where + " adds a constant that is not a dense layer's bias");
        }
        last.addBias(ConstantInputs.broadcast(addend, width(), where, "bias"));
    }

    private double[] standardizing(NodeProto node, String where, boolean allowed) throws OnnxException {
        if (!allowed) {
            throw unsupported(where + " is not part of a standardization at the graph's input or output");
        }
        return ConstantInputs.broadcast(constantInput(node, 1, where, "its constant"), width(), where, "constant");
    }

    private void batchNorm(NodeProto node, String where, NodeAttributes attributes)
            throws OnnxException {
        if (attributes.integer("training_mode", 0) != 0) {
            throw unsupported(where + " is in training mode; Chainrule imports inference graphs");
        }
        if (images() && !shape.isFlat()) {
            LayerPlan last = plans.isEmpty() ? null : plans.get(plans.size() - 1);
            if (last == null || !last.isOpenConvolution()) {
                throw new OnnxException(where + " normalises each channel of " + shape + " images, but not right after "
                        + "a Conv that it could be folded into; Chainrule's batch_norm normalises each of an example's "
                        + width() + " numbers on its own. Export in eval mode (torch.onnx.export folds BatchNorm2d "
                        + "into the Conv before it) or put the BatchNorm2d right after a Conv");
            }
            NormalizationNodes.foldBatchNorm(constants, node, attributes, last, shape.channels(), where);
            return;
        }
        rows();
        plans.add(NormalizationNodes.batchNorm(constants, node, attributes, width(), where));
    }

    private void layerNorm(NodeProto node, String where, NodeAttributes attributes)
            throws OnnxException {
        if (images()) {
            throw new OnnxException(where + " normalises along the last axis of " + shape + " images (their rows); "
                    + "Chainrule's layer_norm normalises all of an example's numbers: flatten first");
        }
        rows();
        plans.add(NormalizationNodes.layerNorm(constants, node, attributes, width(), where));
    }

    private void activation(NodeProto node, String where, NodeAttributes attributes)
            throws OnnxException {
        Map<String, double[]> parameters = new HashMap<>();
        boolean perChannel = shape.isFlat() && (node.getOpType().equals("PRelu")
                || attributes.integer("axis", -1) == 1);
        if (images() && !perChannel && (node.getOpType().endsWith("Softmax") || node.getOpType().equals("PRelu"))) {
            throw new OnnxException(where + " works on " + shape.channels() + "x" + shape.height() + "x"
                    + shape.width() + " images per axis or channel; Chainrule imports "
                    + node.getOpType() + " on rows: flatten first");
        }
        String spec = switch (node.getOpType()) {
            case "Clip" -> ActivationOperators.clip(constants, node, attributes, where);
            case "PRelu" -> {
                parameters.put("prelu slope", ConstantInputs.broadcast(constantInput(node, 1, where, "its slope"),
                        width(), where, "slope"));
                yield "prelu";
            }
            default -> ActivationOperators.spec(node.getOpType(), attributes, where);
        };
        LayerPlan last = plans.isEmpty() ? null : plans.get(plans.size() - 1);
        if (last != null && last.takesActivation()) {
            last.activation(spec, parameters);
        } else {
            LayerPlan plan = LayerPlan.other("activation(function=" + spec + ")", width());
            parameters.forEach(plan::put);
            plans.add(plan);
        }
    }

    private Constant constantInput(NodeProto node, int index, String where, String what) throws OnnxException {
        return ConstantInputs.input(constants, node, index, where, what);
    }

    private Standardization standardization(double[] offset, double[] scale, int size) throws OnnxException {
        double[] offsets = offset != null ? offset : new double[size];
        double[] scales = scale;
        if (scales == null) {
            scales = new double[size];
            java.util.Arrays.fill(scales, 1);
        }
        try {
            return new Standardization(offsets, scales);
        } catch (IllegalArgumentException e) {
            throw new OnnxException(source + ": " + e.getMessage(), e);
        }
    }

    static OnnxException unsupported(String message) {
        return new OnnxException(message + ". Chainrule imports networks made of: " + SUPPORTED);
    }
}

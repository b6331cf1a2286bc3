package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.onnx.Initializers.Constant;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;

/**
 * Reads the ONNX window operators ({@code Conv}, {@code MaxPool}, {@code AveragePool}, {@code GlobalAveragePool})
 * on {@code batch x channels x height x width} tensors as Chainrule's conv2d, max_pool2d, avg_pool2d and
 * global_avg_pool2d, with the geometry of the input they see. Chainrule's windows are square with one stride and one
 * dilation for both axes, and a convolution has group 1; anything else is refused with the node and the reason.
 */
final class WindowNodes {

    /** The layer a node becomes and the shape of what it makes. */
    record Read(LayerPlan plan, FeatureShape output) {
    }

    private WindowNodes() {
    }

    /**
     * A {@code Conv} with weights {@code filters x channels x kernel x kernel} (input 1) and an optional bias
     * (input 2) over {@code input}, padded by {@code before} (a {@code Pad} node) on top of its own pads.
     */
    static Read conv(NodeProto node, NodeAttributes attributes, Initializers constants, FeatureShape input,
            Padding before, String where) throws OnnxException {
        long group = attributes.integer("group", 1);
        if (group != 1) {
            throw new OnnxException(where + " has group " + group + " (a grouped or depthwise convolution); "
                    + "Chainrule's conv2d connects every input channel to every filter (group 1)");
        }
        Constant weights = ConstantInputs.input(constants, node, 1, where, "its weights");
        long[] dims = weights.dims();
        if (dims.length != 4 || dims[1] != input.channels()) {
            throw new OnnxException(where + " has weights of shape " + weights + " that do not take the "
                    + input.channels() + " channels of its " + input + " input (filters x channels x kernel height x "
                    + "kernel width)");
        }
        long[] kernelShape = attributes.integers("kernel_shape", new long[] {dims[2], dims[3]});
        if (kernelShape.length != 2 || kernelShape[0] != dims[2] || kernelShape[1] != dims[3]) {
            throw new OnnxException(where + " has kernel_shape " + Arrays.toString(kernelShape) + " but weights of "
                    + "shape " + weights);
        }
        int kernel = square(kernelShape, where, "kernel_shape");
        int stride = square(attributes.integers("strides", new long[] {1, 1}), where, "strides");
        int dilation = square(attributes.integers("dilations", new long[] {1, 1}), where, "dilations");
        Padding padding = padding(attributes, input, kernel, stride, dilation, where).plus(before);
        Padding.Choice choice = padding.window(input, kernel, stride, dilation, true, false, where);
        int filters = (int) dims[0];
        double[] bias = new double[filters];
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            Constant values = ConstantInputs.input(constants, node, 2, where, "its bias");
            if (values.size() != filters) {
                throw new OnnxException(where + " has a bias of shape " + values + " for " + filters + " filters");
            }
            bias = values.values().clone();
        }
        String spec = "conv2d(filters=" + filters + ", kernel=" + kernel + ", stride=" + stride + ", padding="
                + choice.padding() + ", dilation=" + dilation;
        return new Read(LayerPlan.conv(filters, spec, weights.values().clone(), bias),
                new FeatureShape(filters, choice.window().outHeight(), choice.window().outWidth()));
    }

    /** A {@code MaxPool} or {@code AveragePool} over {@code input}, padded by {@code before} on top of its pads. */
    static Read pool(NodeProto node, NodeAttributes attributes, FeatureShape input, Padding before, String where)
            throws OnnxException {
        boolean max = node.getOpType().equals("MaxPool");
        if (!attributes.has("kernel_shape")) {
            throw new OnnxException(where + " has no kernel_shape");
        }
        if (max && node.getOutputCount() > 1 && !node.getOutput(1).isEmpty()) {
            throw new OnnxException(where + " also outputs the indices of its maxima; Chainrule's max_pool2d "
                    + "outputs the maxima only");
        }
        if (max && !before.equals(Padding.NONE)) {
            throw new OnnxException(where + " follows a Pad, whose zeros would take part in the maxima; Chainrule's "
                    + "max_pool2d leaves its padding out");
        }
        int kernel = square(attributes.integers("kernel_shape", null), where, "kernel_shape");
        int stride = square(attributes.integers("strides", new long[] {1, 1}), where, "strides");
        int dilation = square(attributes.integers("dilations", new long[] {1, 1}), where, "dilations");
        Padding own = padding(attributes, input, kernel, stride, dilation, where);
        if (!max && !own.equals(Padding.NONE) && attributes.integer("count_include_pad", 0) == 0) {
            throw new OnnxException(where + " leaves its padding out of its averages (count_include_pad 0); "
                    + "Chainrule's avg_pool2d counts it as zeros, as PyTorch's AvgPool2d does by default");
        }
        boolean ceil = attributes.integer("ceil_mode", 0) == 1;
        Padding.Choice choice = own.plus(before).window(input, kernel, stride, dilation, false, ceil, where);
        String spec = (max ? "max_pool2d" : "avg_pool2d") + "(kernel=" + kernel + ", stride=" + stride + ", padding="
                + choice.padding() + ", dilation=" + dilation + ")";
        return new Read(LayerPlan.other(spec, input.size()),
                new FeatureShape(input.channels(), choice.window().outHeight(), choice.window().outWidth()));
    }

    /** A {@code GlobalAveragePool}: each channel's mean. */
    static Read globalAverage(FeatureShape input) {
        return new Read(LayerPlan.other("global_avg_pool2d", input.channels()),
                new FeatureShape(input.channels(), 1, 1));
    }

    /** The node's own padding: its {@code pads}, or what its {@code auto_pad} computes for {@code input}. */
    private static Padding padding(NodeAttributes attributes, FeatureShape input, int kernel, int stride,
            int dilation, String where) throws OnnxException {
        String auto = attributes.text("auto_pad", "NOTSET");
        switch (auto) {
            case "NOTSET", "" -> {
                return Padding.ofAttribute(attributes, where);
            }
            case "VALID" -> {
                return Padding.NONE;
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                long height = samePadding(input.height(), kernel, stride, dilation);
                long width = samePadding(input.width(), kernel, stride, dilation);
                boolean upper = auto.equals("SAME_UPPER");
                long top = upper ? height / 2 : height - height / 2;
                long left = upper ? width / 2 : width - width / 2;
                return new Padding(top, left, height - top, width - left);
            }
            default -> throw new OnnxException(where + " has an unknown auto_pad '" + auto + "'");
        }
    }

    private static long samePadding(int size, int kernel, int stride, int dilation) {
        long out = (size + stride - 1L) / stride;
        return Math.max(0, (out - 1) * stride + (long) dilation * (kernel - 1) + 1 - size);
    }

    /** The one value of a two-axis attribute; Chainrule's windows have the same along height and width. */
    private static int square(long[] values, String where, String what) throws OnnxException {
        if (values == null || values.length != 2) {
            throw new OnnxException(where + " has " + what + " " + Arrays.toString(values) + "; Chainrule's windows "
                    + "are two-dimensional");
        }
        if (values[0] != values[1]) {
            throw new OnnxException(where + " has " + what + " " + Arrays.toString(values) + ", different along "
                    + "height and width; Chainrule's windows are square, with one stride and one dilation");
        }
        if (values[0] < 1 || values[0] > Integer.MAX_VALUE) {
            throw new OnnxException(where + " has " + what + " " + Arrays.toString(values));
        }
        return (int) values[0];
    }
}

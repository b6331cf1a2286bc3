package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX form of the convolution layers: each reshapes its rows to {@code batch x channels x height x width}, runs
 * {@code Conv}, {@code MaxPool}, {@code AveragePool} or {@code GlobalAveragePool} with the window the layer computes
 * (explicit pads, so that "same" padding puts its odd row where Chainrule does: at the bottom and right), and
 * flattens back to rows; a convolution's activation then runs on the rows. {@code flatten} is the identity, since
 * rows are flat already.
 */
final class ConvolutionLayers {

    /** The most numbers a float64 convolution's unrolled matrix may have. */
    static final long MAX_UNROLLED = 1L << 26;

    private ConvolutionLayers() {
    }

    static List<LayerMapping> all() {
        return List.of(
                BuiltInLayers.of("conv2d", ConvolutionLayers::conv),
                BuiltInLayers.of("max_pool2d", (layer, input, x, g) -> pool(layer, input, x, g, "MaxPool")),
                BuiltInLayers.of("avg_pool2d", (layer, input, x, g) -> pool(layer, input, x, g, "AveragePool")),
                BuiltInLayers.of("global_avg_pool2d", ConvolutionLayers::globalAverage),
                BuiltInLayers.of("flatten", (layer, input, x, g) -> g.op("Identity", x)));
    }

    private static String conv(Layer layer, FeatureShape input, String x, OnnxGraph g) throws OnnxException {
        Spec spec = layer.spec();
        int kernel = (int) OnnxGraph.number(spec, "kernel", 0);
        int stride = (int) OnnxGraph.number(spec, "stride", 1);
        int dilation = (int) OnnxGraph.number(spec, "dilation", 1);
        String padding = spec.arguments().getOrDefault("padding", "valid");
        Window2d window = switch (padding) {
            case "same" -> Window2d.same(input.channels(), input.height(), input.width(), kernel, kernel, stride,
                    dilation);
            case "valid" -> Window2d.of(input.channels(), input.height(), input.width(), kernel, kernel, stride, 0,
                    dilation);
            default -> Window2d.of(input.channels(), input.height(), input.width(), kernel, kernel, stride,
                    (int) Double.parseDouble(padding), dilation);
        };
        Tensor weights = layer.parameters().get(0).value();
        int filters = weights.rows();
        if (g.dtype() == DType.FLOAT64) {
            return g.activation(layer.outputActivation().orElseThrow(), unrolled(layer, window, x, g));
        }
        String kernelTensor = g.tensor("weights", weights, filters, input.channels(), kernel, kernel);
        String bias = g.tensor("bias", layer.parameters().get(1).value(), filters);
        String z = g.op("Conv", attributes(window), g.reshape(x, input.channels(), input.height(), input.width()),
                kernelTensor, bias);
        String rows = g.reshape(z, (long) filters * window.outHeight() * window.outWidth());
        return g.activation(layer.outputActivation().orElseThrow(), rows);
    }

    /**
     * A float64 convolution as the {@code Gemm} it is, with the kernel unrolled into an {@code inputs x outputs}
     * matrix ({@code unrolled weights}): ONNX Runtime has no float64 {@code Conv}. The kernel and bias themselves are
     * written too, unused by the nodes, for readers that rebuild the layer.
     */
    private static String unrolled(Layer layer, Window2d window, String x, OnnxGraph g) throws OnnxException {
        Tensor weights = layer.parameters().get(0).value();
        double[] kernel = weights.toDoubleArray();
        double[] bias = layer.parameters().get(1).value().toDoubleArray();
        int taps = window.channels() * window.kernelHeight() * window.kernelWidth();
        g.tensor("weights", weights, weights.rows(), window.channels(), window.kernelHeight(), window.kernelWidth());
        g.tensor("bias", layer.parameters().get(1).value(), bias.length);
        return unrolled(window, bias.length, (f, c, kh, kw) -> kernel[f * taps
                + (c * window.kernelHeight() + kh) * window.kernelWidth() + kw], bias, x, g);
    }

    /** The weight of input channel {@code c} at tap {@code kh, kw} in output channel {@code f}; 0 for none. */
    @FunctionalInterface
    private interface Tap {
        double weight(int f, int c, int kh, int kw);
    }

    /** A linear window operator (a convolution, an average pooling) as a {@code Gemm} with its unrolled matrix. */
    private static String unrolled(Window2d window, int outChannels, Tap tap, double[] bias, String x, OnnxGraph g)
            throws OnnxException {
        int positions = window.outHeight() * window.outWidth();
        long inputs = (long) window.channels() * window.height() * window.width();
        long outputs = (long) outChannels * positions;
        if (inputs * outputs > MAX_UNROLLED) {
            throw new OnnxException("a float64 window operator is written as a matrix of " + inputs + " x " + outputs
                    + " numbers (ONNX Runtime has no float64 Conv and AveragePool), more than " + MAX_UNROLLED
                    + "; export the network in float32");
        }
        double[] matrix = new double[(int) (inputs * outputs)];
        double[] expandedBias = new double[(int) outputs];
        for (int f = 0; f < outChannels; f++) {
            for (int position = 0; position < positions; position++) {
                int column = f * positions + position;
                expandedBias[column] = bias[f];
                int oh = position / window.outWidth();
                int ow = position % window.outWidth();
                for (int c = 0; c < window.channels(); c++) {
                    for (int kh = 0; kh < window.kernelHeight(); kh++) {
                        int ih = oh * window.stride() - window.padTop() + kh * window.dilation();
                        for (int kw = 0; kw < window.kernelWidth(); kw++) {
                            int iw = ow * window.stride() - window.padLeft() + kw * window.dilation();
                            if (ih >= 0 && ih < window.height() && iw >= 0 && iw < window.width()) {
                                long row = (c * (long) window.height() + ih) * window.width() + iw;
                                matrix[(int) (row * outputs + column)] += tap.weight(f, c, kh, kw);
                            }
                        }
                    }
                }
            }
        }
        return g.op("Gemm", x, g.tensor("unrolled weights", matrix, inputs, outputs),
                g.tensor("unrolled bias", expandedBias, outputs));
    }

    private static String pool(Layer layer, FeatureShape input, String x, OnnxGraph g, String opType)
            throws OnnxException {
        Spec spec = layer.spec();
        int kernel = (int) OnnxGraph.number(spec, "kernel", 2);
        int stride = (int) OnnxGraph.number(spec, "stride", kernel);
        int padding = (int) OnnxGraph.number(spec, "padding", 0);
        int dilation = (int) OnnxGraph.number(spec, "dilation", 1);
        Window2d window = Window2d.of(input.channels(), input.height(), input.width(), kernel, kernel, stride,
                padding, dilation);
        Map<String, Object> attributes = attributes(window);
        if (opType.equals("AveragePool")) {
            if (dilation != 1) {
                throw new OnnxException("avg_pool2d with dilation " + dilation + " needs AveragePool's dilations, "
                        + "which ONNX has from opset 19; this exporter writes opset " + OnnxExporter.OPSET);
            }
            attributes.remove("dilations");
            attributes.put("count_include_pad", 1L);
            if (g.dtype() == DType.FLOAT64) {
                double share = 1.0 / (kernel * kernel);
                return unrolled(window, input.channels(), (f, c, kh, kw) -> f == c ? share : 0,
                        new double[input.channels()], x, g);
            }
        }
        String pooled = g.op(opType, attributes, g.reshape(x, input.channels(), input.height(), input.width()));
        return g.reshape(pooled, (long) input.channels() * window.outHeight() * window.outWidth());
    }

    /** {@code GlobalAveragePool}; in float64 {@code ReduceMean} over height and width, which ONNX Runtime has. */
    private static String globalAverage(Layer layer, FeatureShape input, String x, OnnxGraph g) {
        String images = g.reshape(x, input.channels(), input.height(), input.width());
        String pooled = g.dtype() == DType.FLOAT32 ? g.op("GlobalAveragePool", images)
                : g.op("ReduceMean", Map.of("axes", new long[] {2, 3}), images);
        return g.reshape(pooled, input.channels());
    }

    /** kernel_shape, strides, dilations and explicit pads (top, left, bottom, right) for {@code window}. */
    private static Map<String, Object> attributes(Window2d window) {
        long bottom = Math.max(0, (window.outHeight() - 1L) * window.stride()
                + (long) window.dilation() * (window.kernelHeight() - 1) + 1 - window.height() - window.padTop());
        long right = Math.max(0, (window.outWidth() - 1L) * window.stride()
                + (long) window.dilation() * (window.kernelWidth() - 1) + 1 - window.width() - window.padLeft());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", new long[] {window.kernelHeight(), window.kernelWidth()});
        attributes.put("strides", new long[] {window.stride(), window.stride()});
        attributes.put("dilations", new long[] {window.dilation(), window.dilation()});
        attributes.put("pads", new long[] {window.padTop(), window.padLeft(), bottom, right});
        return attributes;
    }
}

package dev.chainrule.onnx;

import static dev.chainrule.onnx.NodeAttributes.number;

import dev.chainrule.onnx.proto.Onnx.NodeProto;

/**
 * {@code BatchNormalization} and {@code LayerNormalization} nodes: Chainrule's {@code batch_norm} and
 * {@code layer_norm} layers on rows of {@code width} numbers, or a batch normalisation of images folded into the
 * convolution before it.
 */
final class NormalizationNodes {

    private NormalizationNodes() {
    }

    /** A {@code BatchNormalization} of rows as a {@code batch_norm} layer with its running statistics. */
    static LayerPlan batchNorm(Initializers constants, NodeProto node, NodeAttributes attributes, int width,
            String where) throws OnnxException {
        double eps = attributes.real("epsilon", 1e-5);
        double momentum = 1 - attributes.real("momentum", 0.9);
        String spec = "batch_norm(momentum=" + number(Math.max(0, Math.min(1, momentum))) + ", eps=" + number(eps)
                + ")";
        return LayerPlan.other(spec, width)
                .put("gamma", input(constants, node, 1, width, where, "its scale", "scale"))
                .put("beta", input(constants, node, 2, width, where, "its bias", "bias"))
                .put("running_mean", input(constants, node, 3, width, where, "its mean", "mean"))
                .put("running_var", input(constants, node, 4, width, where, "its variance", "variance"));
    }

    /**
     * A {@code BatchNormalization} of images with {@code channels} channels, per channel: folded into {@code conv},
     * the convolution right before it (as PyTorch's exporter does in eval mode), {@code w' = w g / sqrt(v + eps)},
     * {@code b' = (b - m) g / sqrt(v + eps) + beta}.
     */
    static void foldBatchNorm(Initializers constants, NodeProto node, NodeAttributes attributes, LayerPlan conv,
            int channels, String where) throws OnnxException {
        double eps = attributes.real("epsilon", 1e-5);
        double[] gamma = input(constants, node, 1, channels, where, "its scale", "scale");
        double[] beta = input(constants, node, 2, channels, where, "its bias", "bias");
        double[] mean = input(constants, node, 3, channels, where, "its mean", "mean");
        double[] variance = input(constants, node, 4, channels, where, "its variance", "variance");
        double[] weights = conv.tensors().get("weights");
        double[] bias = conv.tensors().get("bias");
        int taps = weights.length / channels;
        for (int f = 0; f < channels; f++) {
            double factor = gamma[f] / Math.sqrt(variance[f] + eps);
            for (int i = f * taps; i < (f + 1) * taps; i++) {
                weights[i] *= factor;
            }
            bias[f] = (bias[f] - mean[f]) * factor + beta[f];
        }
    }

    /** A {@code LayerNormalization} of rows (axis -1 or 1) as a {@code layer_norm} layer. */
    static LayerPlan layerNorm(Initializers constants, NodeProto node, NodeAttributes attributes, int width,
            String where) throws OnnxException {
        long axis = attributes.integer("axis", -1);
        if (axis != -1 && axis != 1) {
            throw GraphReader.unsupported(where + " normalises from axis " + axis + "; Chainrule normalises each row "
                    + "(axis -1)");
        }
        double[] beta = node.getInputCount() > 2 && !node.getInput(2).isEmpty()
                ? input(constants, node, 2, width, where, "its bias", "bias") : new double[width];
        return LayerPlan.other("layer_norm(eps=" + number(attributes.real("epsilon", 1e-5)) + ")", width)
                .put("gamma", input(constants, node, 1, width, where, "its scale", "scale"))
                .put("beta", beta);
    }

    private static double[] input(Initializers constants, NodeProto node, int index, int size, String where,
            String what, String shortName) throws OnnxException {
        return ConstantInputs.broadcast(ConstantInputs.input(constants, node, index, where, what), size, where,
                shortName);
    }
}

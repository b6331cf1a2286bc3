package dev.chainrule.onnx;

import static dev.chainrule.onnx.NodeAttributes.number;

import dev.chainrule.onnx.proto.Onnx.NodeProto;

/**
 * The Chainrule activation spec of an ONNX activation operator whose meaning its attributes alone give ({@code Relu},
 * {@code LeakyRelu(alpha)}, {@code Shrink(lambd, bias)}, ...), and of {@code Clip}, whose bounds may be constant
 * inputs; {@code PRelu}'s slope is a parameter, read by {@link GraphReader}. Attributes that no Chainrule activation
 * matches are refused.
 */
final class ActivationOperators {

    private ActivationOperators() {
    }

    /** The spec for {@code operator} with {@code attributes}; {@code where} names the node in errors. */
    static String spec(String operator, NodeAttributes attributes, String where) throws OnnxException {
        return switch (operator) {
            case "Relu" -> "relu";
            case "Sigmoid" -> "sigmoid";
            case "Tanh" -> "tanh";
            case "Exp" -> "exponential";
            case "Softmax", "LogSoftmax" -> {
                long axis = attributes.integer("axis", -1);
                if (axis != -1 && axis != 1) {
                    throw GraphReader.unsupported(where + " works along axis " + axis
                            + "; Chainrule's works along each row");
                }
                yield operator.equals("Softmax") ? "softmax" : "log_softmax";
            }
            case "LeakyRelu" -> "leaky_relu(alpha=" + number(attributes.real("alpha", 0.01)) + ")";
            case "Elu" -> "elu(alpha=" + number(attributes.real("alpha", 1)) + ")";
            case "Celu" -> "celu(alpha=" + number(attributes.real("alpha", 1)) + ")";
            case "Selu" -> {
                if (!near(attributes.real("alpha", 1.67326319217681884765625), 1.6732632423543772)
                        || !near(attributes.real("gamma", 1.05070102214813232421875), 1.0507009873554805)) {
                    throw GraphReader.unsupported(where + " has alpha and gamma other than SELU's");
                }
                yield "selu";
            }
            case "HardSigmoid" -> {
                if (!near(attributes.real("alpha", 0.2), 1.0 / 6) || attributes.real("beta", 0.5) != 0.5) {
                    throw GraphReader.unsupported(where + " has alpha " + attributes.real("alpha", 0.2) + " and beta "
                            + attributes.real("beta", 0.5) + "; Chainrule's hard_sigmoid is alpha 1/6, beta 0.5");
                }
                yield "hard_sigmoid";
            }
            case "HardSwish" -> "hard_swish";
            case "Softplus" -> "softplus";
            case "Softsign" -> "softsign";
            case "Mish" -> "mish";
            case "ThresholdedRelu" -> "thresholded_relu(theta=" + number(attributes.real("alpha", 1)) + ")";
            case "Gelu" -> {
                String approximate = attributes.text("approximate", "none");
                yield approximate.equals("tanh") ? "gelu_tanh" : "gelu";
            }
            case "Shrink" -> {
                double lambda = attributes.real("lambd", 0.5);
                double bias = attributes.real("bias", 0);
                if (bias != 0 && bias != lambda) {
                    throw GraphReader.unsupported(where + " has bias " + bias + " and lambd " + lambda
                            + "; Chainrule has the "
                            + "hard (bias 0) and soft (bias = lambd) shrinks");
                }
                yield (bias == 0 ? "hard_shrink" : "soft_shrink") + "(lambda=" + number(lambda) + ")";
            }
            default -> throw GraphReader.unsupported(where + " is not supported");
        };
    }

    private static boolean near(double value, double expected) {
        return Math.abs(value - expected) < 1e-6;
    }

    /** The spec for a {@code Clip} node: {@code relu6}, {@code relu} or {@code hard_tanh} with both bounds. */
    static String clip(Initializers constants, NodeProto node, NodeAttributes attributes, String where)
            throws OnnxException {
        double min = attributes.has("min") ? attributes.real("min", 0) : Double.NEGATIVE_INFINITY;
        double max = attributes.has("max") ? attributes.real("max", 0) : Double.POSITIVE_INFINITY;
        if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
            min = ConstantInputs.input(constants, node, 1, where, "its minimum").values()[0];
        }
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            max = ConstantInputs.input(constants, node, 2, where, "its maximum").values()[0];
        }
        if (min == 0 && max == 6) {
            return "relu6";
        }
        if (min == 0 && max == Double.POSITIVE_INFINITY) {
            return "relu";
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw GraphReader.unsupported(where + " clips to [" + min + ", " + max + "]; Chainrule imports Clip with "
                    + "both bounds");
        }
        return "hard_tanh(min=" + number(min) + ", max=" + number(max) + ")";
    }
}

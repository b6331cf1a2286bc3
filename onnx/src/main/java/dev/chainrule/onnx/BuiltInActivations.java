package dev.chainrule.onnx;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX form of each of Chainrule's 31 built-in activations (opset 17). An activation with an ONNX operator of its
 * own is written as that operator; one without (gelu, mish, silu, ...) as its formula in primitive operators. For
 * float64 an operator that ONNX Runtime's CPU provider only has for float32 ({@link #FLOAT_ONLY}) is written as its
 * formula too, and so is one whose argument is a float attribute (which would round leaky_relu's alpha to float32),
 * so that float64 models keep float64 precision; the formulas follow the activations' own code step for step.
 */
final class BuiltInActivations {

    /**
     * Operators written as formulas in float64 graphs: those ONNX Runtime's CPU provider runs in float32 only, and
     * those whose argument is a float attribute (LeakyRelu, Shrink), and BatchNormalization, whose float64 kernel
     * differs from the formula by about 1e-11 (measured through a mixed network).
     */
    static final Set<String> FLOAT_ONLY = Set.of("Elu", "Celu", "Selu", "HardSigmoid", "HardSwish", "Softplus",
            "Softsign", "ThresholdedRelu", "Erf", "LeakyRelu", "Shrink", "BatchNormalization");

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private BuiltInActivations() {
    }

    /** Whether {@code opType} may be used directly in {@code graph}'s dtype. */
    static boolean hasKernel(OnnxGraph graph, String opType) {
        return graph.dtype() == DType.FLOAT32 || !FLOAT_ONLY.contains(opType);
    }

    static List<ActivationMapping> all() {
        return List.of(
                of("identity", (a, x, g) -> g.op("Identity", x)),
                of("relu", (a, x, g) -> g.op("Relu", x)),
                of("relu6", (a, x, g) -> clip(g, x, 0, 6)),
                of("sigmoid", (a, x, g) -> g.op("Sigmoid", x)),
                of("tanh", (a, x, g) -> g.op("Tanh", x)),
                of("softmax", (a, x, g) -> g.op("Softmax", Map.of("axis", -1L), x)),
                of("log_softmax", (a, x, g) -> g.op("LogSoftmax", Map.of("axis", -1L), x)),
                of("exponential", (a, x, g) -> g.op("Exp", x)),
                of("leaky_relu", (a, x, g) -> leaky(g, x, number(a, "alpha", 0.01))),
                of("rrelu", (a, x, g) -> leaky(g, x, (number(a, "lower", 1.0 / 8) + number(a, "upper", 1.0 / 3)) / 2)),
                of("elu", (a, x, g) -> elu(g, x, "Elu", number(a, "alpha", 1), 1, 1)),
                of("celu", (a, x, g) -> elu(g, x, "Celu", number(a, "alpha", 1), number(a, "alpha", 1), 1)),
                of("selu", (a, x, g) -> elu(g, x, "Selu", SELU_ALPHA, 1, SELU_SCALE)),
                of("prelu", BuiltInActivations::prelu),
                of("hard_sigmoid", (a, x, g) -> hasKernel(g, "HardSigmoid")
                        ? g.op("HardSigmoid", Map.of("alpha", 1.0 / 6, "beta", 0.5), x) : hardSigmoid(g, x)),
                of("hard_swish", (a, x, g) -> hasKernel(g, "HardSwish") ? g.op("HardSwish", x)
                        : g.op("Mul", x, hardSigmoid(g, x))),
                of("hard_tanh", (a, x, g) -> clip(g, x, number(a, "min", -1), number(a, "max", 1))),
                of("hard_shrink", (a, x, g) -> shrink(g, x, number(a, "lambda", 0.5), false)),
                of("soft_shrink", (a, x, g) -> shrink(g, x, number(a, "lambda", 0.5), true)),
                of("softplus", BuiltInActivations::softplus),
                of("softsign", (a, x, g) -> hasKernel(g, "Softsign") ? g.op("Softsign", x)
                        : g.op("Div", x, g.op("Add", g.op("Abs", x), g.constant(1)))),
                of("log_sigmoid", (a, x, g) -> g.op("Neg", stableSoftplus(g, g.op("Neg", x)))),
                of("mish", (a, x, g) -> g.op("Mul", x, g.op("Tanh", stableSoftplus(g, x)))),
                of("silu", BuiltInActivations::silu),
                of("gelu", BuiltInActivations::gelu),
                of("gelu_tanh", BuiltInActivations::geluTanh),
                of("tanh_shrink", (a, x, g) -> g.op("Sub", x, g.op("Tanh", x))),
                of("thresholded_relu", (a, x, g) -> hasKernel(g, "ThresholdedRelu")
                        ? g.op("ThresholdedRelu", Map.of("alpha", number(a, "theta", 1)), x)
                        : g.op("Where", g.op("Greater", x, g.constant(number(a, "theta", 1))), x, g.constant(0))),
                of("cube", (a, x, g) -> g.op("Mul", g.op("Mul", x, x), x)),
                of("rational_tanh", BuiltInActivations::rationalTanh),
                of("rectified_tanh", (a, x, g) -> g.op("Max", g.op("Tanh", x), g.constant(0))));
    }

    private static String clip(OnnxGraph g, String x, double min, double max) {
        return g.op("Min", g.op("Max", x, g.constant(min)), g.constant(max));
    }

    private static String leaky(OnnxGraph g, String x, double alpha) {
        if (hasKernel(g, "LeakyRelu")) {
            return g.op("LeakyRelu", Map.of("alpha", alpha), x);
        }
        return g.op("Add", g.op("Max", x, g.constant(0)), g.op("Mul", g.op("Min", x, g.constant(0)), g.constant(alpha)));
    }

    /** {@code scale * (max(x, 0) + alpha * (exp(min(x, 0) / width) - 1))}: elu, celu and selu. */
    private static String elu(OnnxGraph g, String x, String opType, double alpha, double width, double scale) {
        if (hasKernel(g, opType)) {
            return switch (opType) {
                case "Elu" -> g.op("Elu", Map.of("alpha", alpha), x);
                case "Celu" -> g.op("Celu", Map.of("alpha", alpha), x);
                default -> g.op("Selu", Map.of("alpha", alpha, "gamma", scale), x);
            };
        }
        String negative = g.op("Div", g.op("Min", x, g.constant(0)), g.constant(width));
        String tail = g.op("Mul", g.op("Sub", g.op("Exp", negative), g.constant(1)), g.constant(alpha));
        String sum = g.op("Add", g.op("Max", x, g.constant(0)), tail);
        return scale == 1 ? sum : g.op("Mul", sum, g.constant(scale));
    }

    private static String prelu(Activation activation, String x, OnnxGraph g) {
        if (activation.parameters().size() != 1) {
            throw new IllegalStateException("prelu must be bound to a layer before export");
        }
        var slopes = activation.parameters().get(0).value();
        String slope = g.tensor("prelu slope", slopes, slopes.columns());
        if (hasKernel(g, "PRelu")) {
            return g.op("PRelu", x, slope);
        }
        return g.op("Add", g.op("Max", x, g.constant(0)), g.op("Mul", g.op("Min", x, g.constant(0)), slope));
    }

    /**
     * {@code x sigmoid(beta x)}; in float64 the sigmoid is {@code 1 / (1 + exp(-beta x))}, since ONNX Runtime fuses
     * {@code x * Sigmoid(x)} into a kernel it has for float32 only.
     */
    private static String silu(Activation activation, String x, OnnxGraph g) {
        String scaled = g.op("Mul", x, g.constant(number(activation, "beta", 1)));
        String gate = g.dtype() == DType.FLOAT32 ? g.op("Sigmoid", scaled)
                : g.op("Reciprocal", g.op("Add", g.op("Exp", g.op("Neg", scaled)), g.constant(1)));
        return g.op("Mul", x, gate);
    }

    private static String hardSigmoid(OnnxGraph g, String x) {
        return g.op("Div", clip(g, g.op("Add", x, g.constant(3)), 0, 6), g.constant(6));
    }

    private static String shrink(OnnxGraph g, String x, double lambda, boolean soft) {
        if (hasKernel(g, "Shrink")) {
            return g.op("Shrink", Map.of("lambd", lambda, "bias", soft ? lambda : 0.0), x);
        }
        if (soft) {
            return g.op("Sub", x, clip(g, x, -lambda, lambda));
        }
        return g.op("Where", g.op("Greater", g.op("Abs", x), g.constant(lambda)), x, g.constant(0));
    }

    /** Softplus with beta and threshold: linear where {@code beta x > threshold}. */
    private static String softplus(Activation activation, String x, OnnxGraph g) {
        double beta = number(activation, "beta", 1);
        double threshold = number(activation, "threshold", 20);
        String scaled = beta == 1 ? x : g.op("Mul", x, g.constant(beta));
        String soft = hasKernel(g, "Softplus") ? g.op("Softplus", scaled) : stableSoftplus(g, scaled);
        if (beta != 1) {
            soft = g.op("Div", soft, g.constant(beta));
        }
        return g.op("Where", g.op("Greater", scaled, g.constant(threshold)), x, soft);
    }

    /** {@code max(z, 0) + log(1 + exp(-|z|))}, finite for every z. */
    private static String stableSoftplus(OnnxGraph g, String z) {
        if (hasKernel(g, "Softplus")) {
            return g.op("Softplus", z);
        }
        String correction = g.op("Log", g.op("Add", g.op("Exp", g.op("Neg", g.op("Abs", z))), g.constant(1)));
        return g.op("Add", g.op("Max", z, g.constant(0)), correction);
    }

    private static String gelu(Activation activation, String x, OnnxGraph g) {
        String scaled = g.op("Mul", x, g.constant(Math.sqrt(0.5)));
        String erf = hasKernel(g, "Erf") ? g.op("Erf", scaled) : ErfFormula.erf(g, scaled);
        String cdf = g.op("Mul", g.op("Add", erf, g.constant(1)), g.constant(0.5));
        return g.op("Mul", x, cdf);
    }

    private static String geluTanh(Activation activation, String x, OnnxGraph g) {
        String u = g.op("Mul", g.op("Mul", x, x), g.constant(0.044715));
        u = g.op("Add", g.op("Mul", u, x), x);
        String t = g.op("Tanh", g.op("Mul", u, g.constant(Math.sqrt(2 / Math.PI))));
        return g.op("Mul", g.op("Mul", g.op("Add", t, g.constant(1)), x), g.constant(0.5));
    }

    /** {@code 1.7159 sign(y) (1 - 1 / (1 + |y| + y^2 + 1.41645 y^4))} with {@code y = 2x/3}. */
    private static String rationalTanh(Activation activation, String x, OnnxGraph g) {
        String y = g.op("Mul", x, g.constant(2.0 / 3));
        String square = g.op("Mul", y, y);
        String denominator = g.op("Mul", g.op("Mul", square, square), g.constant(1.41645));
        denominator = g.op("Add", g.op("Add", g.op("Add", denominator, square), g.op("Abs", y)), g.constant(1));
        String fraction = g.op("Add", g.op("Neg", g.op("Reciprocal", denominator)), g.constant(1));
        return g.op("Mul", g.op("Mul", g.op("Sign", y), fraction), g.constant(1.7159));
    }

    private static double number(Activation activation, String key, double fallback) {
        Spec spec = activation.spec();
        return OnnxGraph.number(spec, key, fallback);
    }

    /** The form of a built-in mapping: the nodes for an activation instance. */
    @FunctionalInterface
    private interface Form {
        String write(Activation activation, String input, OnnxGraph graph) throws OnnxException;
    }

    private static ActivationMapping of(String name, Form form) {
        return new ActivationMapping() {
            @Override
            public String activation() {
                return name;
            }

            @Override
            public String export(Activation activation, String input, OnnxGraph graph) throws OnnxException {
                return form.write(activation, input, graph);
            }
        };
    }
}

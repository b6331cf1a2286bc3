package dev.chainrule.onnx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Chainrule layer read from an ONNX graph, before the network is built: its spec (a dense layer's activation may
 * or convolution's activation may still be set by the node after it) and the values of its tensors by local name ({@code weights}, {@code gamma},
 * {@code running_mean}, {@code prelu slope}).
 */
final class LayerPlan {

    private final String kind;
    private final int units;
    private final String base;
    private String spec;
    private boolean activationSet;
    private final Map<String, double[]> tensors = new LinkedHashMap<>();

    private LayerPlan(String kind, int units, String base, String spec) {
        this.kind = kind;
        this.units = units;
        this.base = base;
        this.spec = spec;
    }

    static LayerPlan dense(int units, double[] weights, double[] bias) {
        return withActivation("dense", units, "dense(units=" + units, weights, bias);
    }

    /**
     * A convolution whose spec is {@code arguments} (without the activation and the closing parenthesis:
     * {@code conv2d(filters=4, kernel=3}), with weights {@code filters x channels x kernel x kernel} row-major.
     */
    static LayerPlan conv(int filters, String arguments, double[] weights, double[] bias) {
        return withActivation("conv2d", filters, arguments, weights, bias);
    }

    private static LayerPlan withActivation(String kind, int units, String base, double[] weights, double[] bias) {
        LayerPlan plan = new LayerPlan(kind, units, base, null);
        plan.tensors.put("weights", weights);
        plan.tensors.put("bias", bias);
        plan.activation("identity", Map.of());
        plan.activationSet = false;
        return plan;
    }

    static LayerPlan other(String spec, int units) {
        return new LayerPlan("other", units, null, spec);
    }

    /** Whether this is a dense or convolution layer whose activation is still open (the identity until set). */
    boolean takesActivation() {
        return base != null && !activationSet;
    }

    /** Whether this is a convolution whose activation is still open, which a batch normalisation may fold into. */
    boolean isOpenConvolution() {
        return kind.equals("conv2d") && !activationSet;
    }

    /** Whether this is a dense layer that a following Add may still add a bias to. */
    boolean takesBias() {
        return kind.equals("dense") && !activationSet;
    }

    void activation(String activationSpec, Map<String, double[]> parameters) {
        spec = base + ", activation=" + activationSpec + ")";
        tensors.putAll(parameters);
        activationSet = true;
    }

    void addBias(double[] values) {
        double[] bias = tensors.get("bias");
        for (int i = 0; i < bias.length; i++) {
            bias[i] += values[values.length == 1 ? 0 : i];
        }
    }

    LayerPlan put(String local, double[] values) {
        tensors.put(local, values);
        return this;
    }

    String spec() {
        return spec;
    }

    int units() {
        return units;
    }

    Map<String, double[]> tensors() {
        return tensors;
    }
}

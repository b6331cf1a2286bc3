package dev.chainrule.onnx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Chainrule layer read from an ONNX graph, before the network is built: its spec (a dense layer's activation may
 * still be set by the node after it) and the values of its tensors by local name ({@code weights}, {@code gamma},
 * {@code running_mean}, {@code prelu slope}).
 */
final class LayerPlan {

    private final String kind;
    private final int units;
    private String spec;
    private boolean activationSet;
    private final Map<String, double[]> tensors = new LinkedHashMap<>();

    private LayerPlan(String kind, int units, String spec) {
        this.kind = kind;
        this.units = units;
        this.spec = spec;
    }

    static LayerPlan dense(int units, double[] weights, double[] bias) {
        LayerPlan plan = new LayerPlan("dense", units, null);
        plan.tensors.put("weights", weights);
        plan.tensors.put("bias", bias);
        plan.activation("identity", Map.of());
        plan.activationSet = false;
        return plan;
    }

    static LayerPlan other(String spec, int units) {
        return new LayerPlan("other", units, spec);
    }

    /** Whether this is a dense layer whose activation is still open (the identity until a node sets it). */
    boolean takesActivation() {
        return kind.equals("dense") && !activationSet;
    }

    /** Whether this is a dense layer that a following Add may still add a bias to. */
    boolean takesBias() {
        return takesActivation();
    }

    void activation(String activationSpec, Map<String, double[]> parameters) {
        spec = "dense(units=" + units + ", activation=" + activationSpec + ")";
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

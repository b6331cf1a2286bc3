package dev.chainrule.onnx;

import dev.chainrule.core.network.DenseLayer;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX form of Chainrule's built-in layers at inference: dense as {@code Gemm} and its activation, the noise
 * layers (dropout, alpha_dropout, gaussian_dropout, gaussian_noise) as {@code Identity}, batch_norm as
 * {@code BatchNormalization} over its running statistics, layer_norm as {@code LayerNormalization}, and the activation
 * layer as its activation.
 */
final class BuiltInLayers {

    /** Layers that change nothing at inference. */
    static final Set<String> IDENTITY_AT_INFERENCE = Set.of("dropout", "alpha_dropout", "gaussian_dropout",
            "gaussian_noise");

    private BuiltInLayers() {
    }

    static List<LayerMapping> all() {
        List<LayerMapping> all = new java.util.ArrayList<>();
        all.add(of(DenseLayer.NAME, BuiltInLayers::dense));
        all.add(of("activation", (layer, input, x, g) -> g.activation(layer.outputActivation().orElseThrow(), x)));
        all.add(of("batch_norm", BuiltInLayers::batchNorm));
        all.add(of("layer_norm", BuiltInLayers::layerNorm));
        IDENTITY_AT_INFERENCE.stream().sorted().forEach(name -> all.add(of(name, (layer, input, x, g) ->
                g.op("Identity", x))));
        all.addAll(ConvolutionLayers.all());
        return all;
    }

    private static String dense(Layer layer, FeatureShape input, String x, OnnxGraph g) throws OnnxException {
        DenseLayer dense = (DenseLayer) layer;
        String weights = g.tensor("weights", dense.weights(), dense.inputs(), dense.outputs());
        String bias = g.tensor("bias", dense.bias(), dense.outputs());
        return g.activation(dense.activation(), g.op("Gemm", x, weights, bias));
    }

    private static String batchNorm(Layer layer, FeatureShape input, String x, OnnxGraph g) {
        double eps = OnnxGraph.number(layer.spec(), "eps", 1e-5);
        int features = input.size();
        Tensor gamma = layer.parameters().get(0).value();
        Tensor beta = layer.parameters().get(1).value();
        Tensor mean = layer.state().get(0).value();
        Tensor variance = layer.state().get(1).value();
        if (BuiltInActivations.hasKernel(g, "BatchNormalization")) {
            return g.op("BatchNormalization", Map.of("epsilon", eps), x, g.tensor("gamma", gamma, features),
                    g.tensor("beta", beta, features), g.tensor("running_mean", mean, features),
                    g.tensor("running_var", variance, features));
        }
        String inverseStd = g.op("Reciprocal", g.op("Sqrt", g.op("Add", g.tensor("running_var", variance, features),
                g.constant(eps))));
        String xhat = g.op("Mul", g.op("Sub", x, g.tensor("running_mean", mean, features)), inverseStd);
        return g.op("Add", g.op("Mul", xhat, g.tensor("gamma", gamma, features)), g.tensor("beta", beta, features));
    }

    private static String layerNorm(Layer layer, FeatureShape input, String x, OnnxGraph g) {
        double eps = OnnxGraph.number(layer.spec(), "eps", 1e-5);
        int features = input.size();
        String gamma = g.tensor("gamma", layer.parameters().get(0).value(), features);
        String beta = g.tensor("beta", layer.parameters().get(1).value(), features);
        if (BuiltInActivations.hasKernel(g, "LayerNormalization")) {
            return g.op("LayerNormalization", Map.of("axis", -1L, "epsilon", eps), x, gamma, beta);
        }
        String centred = g.op("Sub", x, g.op("ReduceMean", Map.of("axes", new long[] {-1}), x));
        String variance = g.op("ReduceMean", Map.of("axes", new long[] {-1}), g.op("Mul", centred, centred));
        String inverseStd = g.op("Reciprocal", g.op("Sqrt", g.op("Add", variance, g.constant(eps))));
        return g.op("Add", g.op("Mul", g.op("Mul", centred, inverseStd), gamma), beta);
    }

    /** The form of a built-in layer mapping. */
    @FunctionalInterface
    interface Form {
        String write(Layer layer, FeatureShape input, String x, OnnxGraph graph) throws OnnxException;
    }

    static LayerMapping of(String name, Form form) {
        return new LayerMapping() {
            @Override
            public String layer() {
                return name;
            }

            @Override
            public String export(Layer layer, FeatureShape input, String x, OnnxGraph graph) throws OnnxException {
                return form.write(layer, input, x, graph);
            }
        };
    }
}

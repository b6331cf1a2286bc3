package dev.chainrule.examples.cli;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.LayerGradientChecker;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How {@code gradcheck} probes a layer: each registered layer is configured by the specs below (its default spec,
 * on 5 plain features, when it has none here) and bound to examples of the shape given, then its input and parameter
 * gradients are checked against finite differences in a training pass (every evaluation drawing the same noise) and
 * an inference pass, on 4 examples drawn from [-2, 2]. The convolutions and poolings are probed with strides, padding,
 * dilation, odd sizes, 1x1 kernels and several channels.
 */
final class LayerProbes {

    /** A layer configuration and the examples it gets. */
    record Probe(String spec, FeatureShape input) {
    }

    private static final int ROWS = 4;

    private static final Map<String, List<Probe>> PROBES = Map.of(
            "dense", List.of(new Probe("dense(units=3, activation=tanh)", FeatureShape.flat(5))),
            "conv2d", List.of(
                    new Probe("conv2d(3, 3, stride=2, padding=1, dilation=2, activation=tanh)", new FeatureShape(2, 7,
                            6)),
                    new Probe("conv2d(2, 2, padding=same, activation=softplus)", new FeatureShape(3, 5, 4)),
                    new Probe("conv2d(filters=2, kernel=1)", new FeatureShape(3, 3, 3))),
            "max_pool2d", List.of(new Probe("max_pool2d(kernel=3, stride=2, padding=1)", new FeatureShape(2, 7, 6)),
                    new Probe("max_pool2d(kernel=2, dilation=2)", new FeatureShape(1, 5, 5))),
            "avg_pool2d", List.of(new Probe("avg_pool2d(kernel=3, stride=2, padding=1)", new FeatureShape(2, 7, 6)),
                    new Probe("avg_pool2d(kernel=2, stride=1)", new FeatureShape(2, 3, 5))),
            "global_avg_pool2d", List.of(new Probe("global_avg_pool2d", new FeatureShape(3, 3, 2))),
            "flatten", List.of(new Probe("flatten", new FeatureShape(2, 3, 2))));

    private LayerProbes() {
    }

    /** The probes of the layer registered as {@code name}. */
    static List<Probe> of(String name) {
        return PROBES.getOrDefault(name, List.of(new Probe(name, FeatureShape.flat(5))));
    }

    /** Every check of one probe: {@code dE/d(input)} and each parameter, in a training and an inference pass. */
    static List<GradientCheckResult> check(Probe probe, Plugins plugins, TensorBackend backend, long seed) {
        PluginRegistry<Layer> layers = plugins.layers();
        Layer bound = layers.create(probe.spec()).bind(new LayerBinding(1, probe.input(), backend, DType.FLOAT64,
                plugins.activations()::create, Optional.of(plugins.initializers()::create), Optional.empty(),
                new SplittableRandom(seed)));
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] values = new double[ROWS * probe.input().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-2, 2);
        }
        Tensor x = backend.fromArray(DType.FLOAT64, new Shape(ROWS, probe.input().size()), values);
        List<GradientCheckResult> results = new ArrayList<>(LayerGradientChecker.check(bound, probe.input(), x,
                seed + 2, () -> ForwardContext.training(seed + 3)));
        results.addAll(LayerGradientChecker.check(bound, probe.input(), x, seed + 2, ForwardContext::inference));
        return results;
    }
}

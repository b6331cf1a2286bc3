package dev.chainrule.core.gradcheck;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a layer's {@link Layer#backward} against its {@link Layer#forward} by central finite differences: for a
 * random upstream gradient {@code g}, the derivative of {@code sum(g * layer(x))} with respect to every element of the
 * input and of every parameter. Training passes are checked with every evaluation drawing the same random numbers
 * (dropout with a fixed mask), as the contexts given make them.
 */
public final class LayerGradientChecker {

    private LayerGradientChecker() {
    }

    /**
     * Checks the input gradient and every parameter's gradient of a bound layer at {@code x}.
     *
     * @param layer    a bound layer; its parameters are perturbed during the check and restored exactly afterwards
     * @param x        the input batch, a {@code FLOAT64} tensor; not modified
     * @param seed     seed of the upstream gradient
     * @param contexts the context of every forward pass: make them alike ({@code () -> ForwardContext.training(7)})
     *                 so that each evaluation draws the same numbers
     * @return the result for {@code dE/d(input)}, then one per parameter in the layer's order
     */
    public static List<GradientCheckResult> check(Layer layer, Tensor x, long seed, Supplier<ForwardContext> contexts) {
        return check(layer, FeatureShape.flat(x.columns()), x, seed, contexts);
    }

    /**
     * Checks the input gradient and every parameter's gradient of a layer bound to examples shaped {@code input} (a
     * convolution's {@code channels x height x width}) at {@code x}; otherwise as {@link #check(Layer, Tensor, long,
     * Supplier)}.
     */
    public static List<GradientCheckResult> check(Layer layer, FeatureShape input, Tensor x, long seed,
            Supplier<ForwardContext> contexts) {
        GradientChecker.requireFloat64(x);
        int outputs = layer.outputShape(input).size();
        Tensor output = x.newLike(new Shape(x.rows(), outputs));
        Tensor upstream = GradientChecker.randomLike(output, seed);
        LayerMemory memory = new LayerMemory(x.backend(), x.dtype(), x.rows());
        forward(layer, x, output, contexts.get(), memory);
        Tensor gradInput = x.newLike();
        List<Parameter> parameters = layer.parameters();
        List<Tensor> gradients = parameters.stream().map(parameter -> parameter.value().newLike()).toList();
        layer.backward(x, output, upstream, Optional.of(gradInput), gradients, memory);

        double[] weights = upstream.toDoubleArray();
        double[] baseline = output.toDoubleArray();
        Tensor probe = x.duplicate();
        Tensor out = output.newLike();
        LayerMemory probeMemory = new LayerMemory(x.backend(), x.dtype(), x.rows());
        Objective objective = () -> GradientChecker.weightedChange(weights,
                forward(layer, probe, out, contexts.get(), probeMemory).toDoubleArray(), baseline);
        List<GradientCheckResult> results = new ArrayList<>();
        results.add(differentiateAll("layer " + layer.spec() + " dE/d(input)", probe, x.toDoubleArray(),
                gradInput.toDoubleArray(), objective, "x"));
        for (int p = 0; p < parameters.size(); p++) {
            Tensor value = parameters.get(p).value();
            results.add(differentiateAll("layer " + layer.spec() + " " + parameters.get(p).name(), value,
                    value.toDoubleArray(), gradients.get(p).toDoubleArray(), objective, "p"));
        }
        return results;
    }

    private static Tensor forward(Layer layer, Tensor x, Tensor out, ForwardContext context, LayerMemory memory) {
        memory.beginPass(context);
        return layer.forward(x, out, context, memory);
    }

    private static GradientCheckResult differentiateAll(String subject, Tensor probe, double[] points,
            double[] analytical, Objective objective, String symbol) {
        ErrorTracker tracker = new ErrorTracker(subject);
        for (int i = 0; i < points.length; i++) {
            GradientChecker.differentiate(tracker, probe, points, i, objective, analytical[i],
                    GradientChecker.point(probe, i, symbol, points[i]));
        }
        return tracker.result();
    }
}

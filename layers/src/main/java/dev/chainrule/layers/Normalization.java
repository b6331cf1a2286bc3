package dev.chainrule.layers;

import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * The learned affine part of a normalisation layer, {@code out = gamma * xhat + beta} per feature: {@code gamma}
 * starts at 1 and {@code beta} at 0, both {@code 1 x features}; and the {@code eps} added to the variance.
 *
 * @param gamma the scale, of kind {@code OTHER} (L1/L2 penalties leave it alone by default)
 * @param beta  the shift, of kind {@code BIAS}
 */
record Normalization(Parameter gamma, Parameter beta) {

    static double epsilon(Arguments arguments) {
        return arguments.number("eps", 1e-5, value -> value > 0 && Double.isFinite(value), "must be finite and > 0");
    }

    static Normalization create(LayerBinding binding) {
        Shape row = new Shape(1, binding.input().size());
        return new Normalization(
                new Parameter(binding.tensorName("gamma"), binding.filled(row, 1), Parameter.Kind.OTHER),
                new Parameter(binding.tensorName("beta"), binding.filled(row, 0), Parameter.Kind.BIAS));
    }

    List<Parameter> parameters() {
        return List.of(gamma, beta);
    }
}

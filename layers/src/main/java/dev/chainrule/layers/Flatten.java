package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * Forgets an example's spatial arrangement: a {@code channels x height x width} example becomes a flat vector of the
 * same numbers in the same (channels-first) order, as PyTorch's {@code Flatten}. {@code out = x},
 * {@code dE/dx = dE/dout}. Spec {@code flatten}.
 */
@AutoService(Layer.class)
public final class Flatten implements Layer {

    /** The registry name. */
    public static final String NAME = "flatten";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Spec spec() {
        return Spec.of(NAME);
    }

    @Override
    public FeatureShape outputShape(FeatureShape input) {
        return FeatureShape.flat(input.size());
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        return input.backend().copy(input, output);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        gradInput.ifPresent(out -> out.backend().copy(gradOutput, out));
    }

    @Override
    public String toString() {
        return NAME;
    }
}

package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;
import java.util.Optional;

/**
 * The mean of each channel over all its positions, {@code out[c] = mean over h, w of x[c][h][w]}: a
 * {@code channels x height x width} example becomes a flat vector of {@code channels}. {@code dE/dx[c][h][w] =
 * dE/dout[c] / (height * width)}. Average pooling with one window as large as the input. Spec
 * {@code global_avg_pool2d}.
 */
@AutoService(Layer.class)
public final class GlobalAvgPool2d implements Layer {

    /** The registry name. */
    public static final String NAME = "global_avg_pool2d";

    private final Window2d window;

    /** The plugin, unbound. */
    public GlobalAvgPool2d() {
        this(null);
    }

    private GlobalAvgPool2d(Window2d window) {
        this.window = window;
    }

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
        return FeatureShape.flat(input.channels());
    }

    @Override
    public GlobalAvgPool2d bind(LayerBinding binding) {
        FeatureShape input = binding.input();
        return new GlobalAvgPool2d(Window2d.of(input.channels(), input.height(), input.width(), input.height(),
                input.width(), 1, 0, 1));
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        return input.backend().pool2d(PoolOp.AVERAGE, PoolingLayer.checked(window, spec()), input, output);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        if (gradInput.isPresent()) {
            input.backend().pool2dInputGradient(PoolOp.AVERAGE, PoolingLayer.checked(window, spec()), input,
                    gradOutput, gradInput.get());
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}

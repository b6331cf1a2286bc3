package dev.chainrule.layers;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;
import java.util.Optional;

/**
 * What the pooling layers share: each channel of each example is pooled window by window by the backend's
 * {@code pool2d}, and the gradient goes back through {@code pool2dInputGradient}; no parameters, nothing kept between
 * the passes. Spec {@code NAME(kernel=2, stride=kernel, padding=0, dilation=1)}, the first three also by position;
 * padding may be at most half the kernel, so that every window covers some of the input.
 */
abstract class PoolingLayer implements Layer {

    private final PoolOp op;
    private final Spec spec;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final Window2d window;

    PoolingLayer(PoolOp op, Arguments arguments) {
        this.op = op;
        this.kernel = arguments.integer("kernel", 2, 1);
        this.stride = arguments.integer("stride", kernel, 1);
        this.padding = arguments.integer("padding", 0, 0);
        this.dilation = arguments.integer("dilation", 1, 1);
        this.spec = arguments.resolvedSpec();
        this.window = null;
        if (padding > kernel / 2) {
            throw new IllegalArgumentException(spec + ": padding must be at most half the kernel (" + kernel / 2
                    + "), got " + padding);
        }
    }

    PoolingLayer(PoolingLayer configured, Window2d window) {
        this.op = configured.op;
        this.spec = configured.spec;
        this.kernel = configured.kernel;
        this.stride = configured.stride;
        this.padding = configured.padding;
        this.dilation = configured.dilation;
        this.window = window;
    }

    /** The same layer bound to {@code window}. */
    abstract PoolingLayer bound(Window2d window);

    @Override
    public final Spec spec() {
        return spec;
    }

    @Override
    public final FeatureShape outputShape(FeatureShape input) {
        Window2d over = window(input);
        return new FeatureShape(input.channels(), over.outHeight(), over.outWidth());
    }

    private Window2d window(FeatureShape input) {
        try {
            return Window2d.of(input.channels(), input.height(), input.width(), kernel, kernel, stride, padding,
                    dilation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec + " cannot take examples of " + Conv2d.describe(input) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public final Layer bind(LayerBinding binding) {
        return bound(window(binding.input()));
    }

    /** Where the windows go over an example; only once bound. */
    public final Window2d window() {
        return PoolingLayer.checked(window, spec);
    }

    static Window2d checked(Window2d window, Spec spec) {
        if (window == null) {
            throw new IllegalStateException(spec + " is configured but not bound to a place in a network; build a "
                    + "network with it first");
        }
        return window;
    }

    @Override
    public final Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        return input.backend().pool2d(op, window(), input, output);
    }

    @Override
    public final void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        if (gradInput.isPresent()) {
            input.backend().pool2dInputGradient(op, window(), input, gradOutput, gradInput.get());
        }
    }

    @Override
    public final String toString() {
        return window == null ? spec.toString() : spec + " " + window;
    }
}

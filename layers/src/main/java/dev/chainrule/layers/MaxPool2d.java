package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;

/**
 * Max pooling, {@code out[c][oh][ow] = max over the window of x[c][ih][iw]} (padding left out); {@code dE/dx} is
 * {@code dE/dout} at each window's first largest input, zero elsewhere. Spec
 * {@code max_pool2d(kernel=2, stride=kernel, padding=0, dilation=1)}.
 */
@AutoService(Layer.class)
public final class MaxPool2d extends PoolingLayer {

    /** The registry name. */
    public static final String NAME = "max_pool2d";

    /** {@code kernel = 2}. */
    public MaxPool2d() {
        this(Arguments.defaults(NAME));
    }

    private MaxPool2d(Arguments arguments) {
        super(PoolOp.MAX, arguments);
    }

    private MaxPool2d(MaxPool2d configured, Window2d window) {
        super(configured, window);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MaxPool2d configure(Arguments arguments) {
        return new MaxPool2d(arguments);
    }

    @Override
    MaxPool2d bound(Window2d window) {
        return new MaxPool2d(this, window);
    }
}

package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;

/**
 * Average pooling, {@code out[c][oh][ow] = mean over the window of x[c][ih][iw]}, padding counted as zeros (PyTorch's
 * {@code count_include_pad=True}); {@code dE/dx} gets each window's {@code dE/dout / window size} at every input the
 * window covers. Spec
 * {@code avg_pool2d(kernel=2, stride=kernel, padding=0, dilation=1)}.
 */
@AutoService(Layer.class)
public final class AvgPool2d extends PoolingLayer {

    /** The registry name. */
    public static final String NAME = "avg_pool2d";

    /** {@code kernel = 2}. */
    public AvgPool2d() {
        this(Arguments.defaults(NAME));
    }

    private AvgPool2d(Arguments arguments) {
        super(PoolOp.AVERAGE, arguments);
    }

    private AvgPool2d(AvgPool2d configured, Window2d window) {
        super(configured, window);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AvgPool2d configure(Arguments arguments) {
        return new AvgPool2d(arguments);
    }

    @Override
    AvgPool2d bound(Window2d window) {
        return new AvgPool2d(this, window);
    }
}

package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * As PyTorch's {@code Softplus}: {@code phi(z) = log(1 + e^(beta z)) / beta}, and {@code z} itself where
 * {@code beta z > threshold}; {@code phi'(z) = sigmoid(beta z)}, and {@code 1} above the threshold. The logarithm is
 * taken in the stable form {@code max(y, 0) + log1p(e^-|y|)}, finite everywhere; the threshold is kept for
 * PyTorch's sake, and leaves a step of {@code log1p(e^-threshold) / beta} (2e-9 by default) at the switch.
 * Parameters: {@code beta} (1.0) and {@code threshold} (20.0), both finite and {@code > 0}.
 */
@AutoService(Activation.class)
public final class Softplus implements Activation {

    /** The registry name. */
    public static final String NAME = "softplus";

    private final double beta;
    private final double threshold;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Softplus() {
        this(Arguments.defaults(NAME));
    }

    private Softplus(Arguments arguments) {
        this.beta = arguments.number("beta", 1.0, value -> Double.isFinite(value) && value > 0, "must be finite and > 0");
        this.threshold = arguments.number("threshold", 20.0, value -> Double.isFinite(value) && value > 0,
                "must be finite and > 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Softplus configure(Arguments arguments) {
        return new Softplus(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor scaled = backend.binary(BinaryOp.MUL, z, beta, out.scratch(0));
        Tensor linear = backend.binary(BinaryOp.GREATER, scaled, threshold, out.scratch(1));
        Stable.softplus(scaled, scaled);
        backend.binary(BinaryOp.DIV, scaled, beta, scaled);
        return backend.where(linear, z, scaled, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor scaled = backend.binary(BinaryOp.MUL, z, beta, out.scratch(0));
        Tensor linear = backend.binary(BinaryOp.GREATER, scaled, threshold, out.scratch(1));
        Stable.sigmoid(scaled, scaled);
        Stable.select(linear, 1, scaled, out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Hard thresholding, as PyTorch's {@code Hardshrink}: {@code phi(z) = z for |z| > lambda, else 0};
 * {@code phi'(z) = 1 for |z| > lambda, else 0} (it jumps at {@code ±lambda}). Parameter: {@code lambda} (0.5), finite
 * and {@code >= 0}; PyTorch's name {@code lambd} is accepted too.
 */
@AutoService(Activation.class)
public final class HardShrink implements Activation {

    /** The registry name. */
    public static final String NAME = "hard_shrink";

    private final double lambda;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public HardShrink() {
        this(Arguments.defaults(NAME));
    }

    private HardShrink(Arguments arguments) {
        this.lambda = arguments.alias("lambda", "lambd")
                .number("lambda", 0.5, value -> Double.isFinite(value) && value >= 0, "must be finite and >= 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HardShrink configure(Arguments arguments) {
        return new HardShrink(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return z.backend().binary(BinaryOp.MUL, z, outside(z, out), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return Stable.times(gradA, outside(z, out), out);
    }

    /** {@code out} = the 0/1 mask of {@code |z| > lambda}. */
    private Tensor outside(Tensor z, Tensor out) {
        z.backend().unary(UnaryOp.ABS, z, out);
        return z.backend().binary(BinaryOp.GREATER, out, lambda, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

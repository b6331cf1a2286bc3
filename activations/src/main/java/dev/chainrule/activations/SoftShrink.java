package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Soft thresholding, as PyTorch's {@code Softshrink}: {@code phi(z) = z - lambda for z > lambda, z + lambda for
 * z < -lambda, else 0}; {@code phi'(z) = 1 for |z| > lambda, else 0}. Parameter: {@code lambda} (0.5), finite and
 * {@code >= 0}; PyTorch's name {@code lambd} is accepted too.
 */
@AutoService(Activation.class)
public final class SoftShrink implements Activation {

    /** The registry name. */
    public static final String NAME = "soft_shrink";

    private final double lambda;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public SoftShrink() {
        this(Arguments.defaults(NAME));
    }

    private SoftShrink(Arguments arguments) {
        this.lambda = arguments.alias("lambda", "lambd")
                .number("lambda", 0.5, value -> Double.isFinite(value) && value >= 0, "must be finite and >= 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SoftShrink configure(Arguments arguments) {
        return new SoftShrink(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor clipped = backend.binary(BinaryOp.MAX, z, -lambda, out.scratch(0));
        backend.binary(BinaryOp.MIN, clipped, lambda, clipped);
        return backend.binary(BinaryOp.SUB, z, clipped, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        backend.unary(UnaryOp.ABS, z, out);
        backend.binary(BinaryOp.GREATER, out, lambda, out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

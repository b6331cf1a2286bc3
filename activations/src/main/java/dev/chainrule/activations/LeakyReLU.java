package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * {@code phi(z) = max(0, z) + alpha min(0, z)}; {@code phi'(z) = 1 for z > 0, else alpha}. As PyTorch's
 * {@code LeakyReLU}. Parameter: {@code alpha} (0.01), the slope for negative inputs, finite and {@code >= 0}; PyTorch's
 * name {@code negative_slope} is accepted too.
 */
@AutoService(Activation.class)
public final class LeakyReLU implements Activation {

    /** The registry name. */
    public static final String NAME = "leaky_relu";

    private final double alpha;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public LeakyReLU() {
        this(Arguments.defaults(NAME));
    }

    private LeakyReLU(Arguments arguments) {
        this.alpha = arguments.alias("alpha", "negative_slope")
                .number("alpha", 0.01, value -> Double.isFinite(value) && value >= 0, "must be finite and >= 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LeakyReLU configure(Arguments arguments) {
        return new LeakyReLU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor negative = backend.binary(BinaryOp.MIN, z, 0, out.scratch(0));
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.addScaled(out, alpha, negative, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor positive = backend.binary(BinaryOp.GREATER, z, 0, out.scratch(0));
        Stable.select(positive, 1, backend.fill(alpha, out), out);
        return Stable.times(gradA, out, out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal").with("negative_slope", alpha);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

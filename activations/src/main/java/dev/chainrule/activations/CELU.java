package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Tensor;

/**
 * The continuously differentiable exponential linear unit (Barron 2017), as PyTorch's {@code CELU}:
 * {@code phi(z) = max(0, z) + min(0, alpha (e^(z/alpha) - 1))}; {@code phi'(z) = 1 for z > 0, else e^(z/alpha)}.
 * Parameter: {@code alpha} (1.0), finite and {@code > 0}.
 */
@AutoService(Activation.class)
public final class CELU implements Activation {

    /** The registry name. */
    public static final String NAME = "celu";

    private final double alpha;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public CELU() {
        this(Arguments.defaults(NAME));
    }

    private CELU(Arguments arguments) {
        this.alpha = arguments.number("alpha", 1.0, value -> Double.isFinite(value) && value > 0, "must be finite and > 0");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CELU configure(Arguments arguments) {
        return new CELU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        return ExponentialLinear.forward(z, alpha, alpha, out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        return Stable.times(gradA, ExponentialLinear.derivative(z, alpha, alpha, out), out);
    }

    @Override
    public Spec recommendedInitializer() {
        return Spec.of("he_normal");
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

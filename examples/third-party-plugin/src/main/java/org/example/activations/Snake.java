package org.example.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Snake (Liu Ziyin et al. 2020, "Neural networks fail to learn periodic functions and how to fix it"):
 * {@code phi(z) = z + sin^2(alpha z) / alpha}, {@code phi'(z) = 1 + sin(2 alpha z)}. Parameter: {@code alpha} (1.0),
 * the frequency, finite and {@code > 0}.
 */
@AutoService(Activation.class)
public final class Snake implements Activation {

    /** The registry name. */
    public static final String NAME = "snake";

    private final double alpha;
    private final Spec spec;

    /** {@code snake(alpha=1.0)}; the registry's default instance. */
    public Snake() {
        this(Arguments.defaults(NAME));
    }

    /** {@code snake(alpha=...)}. */
    public Snake(double alpha) {
        this(new Arguments(Spec.of(NAME).with("alpha", alpha)));
    }

    private Snake(Arguments arguments) {
        this.alpha = arguments.number("alpha", 1.0, value -> value > 0 && Double.isFinite(value),
                "must be > 0 and finite");
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Snake configure(Arguments arguments) {
        return new Snake(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor z, Tensor out) {
        Tensor sine = z.mul(alpha).map(UnaryOp.SIN);
        return z.backend().addScaled(z, 1 / alpha, sine.map(UnaryOp.SQUARE), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        Tensor slope = z.mul(2 * alpha).map(UnaryOp.SIN).add(1);
        return z.backend().binary(BinaryOp.MUL, gradA, slope, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

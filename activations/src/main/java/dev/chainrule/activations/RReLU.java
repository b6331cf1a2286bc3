package dev.chainrule.activations;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.SplittableRandom;

/**
 * The randomized leaky ReLU (Xu et al. 2015), as PyTorch's {@code RReLU}: {@code phi(z) = z for z >= 0, else s z};
 * {@code phi'(z) = 1 for z > 0, else s}. While training, {@code s} is drawn uniformly from {@code [lower, upper)}
 * afresh for every element of every batch (from the pass's seeded generator, so runs repeat); for inference it is the
 * mean slope {@code (lower + upper) / 2}. Parameters: {@code lower} (1/8) and {@code upper} (1/3), finite with
 * {@code 0 <= lower <= upper}.
 *
 * <p>{@code backward} needs the slope that {@code forward} drew. It reads it back from the output, {@code s = a / z}
 * where {@code z < 0}, so nothing is kept between the two calls and an instance may serve any number of layers.
 */
@AutoService(Activation.class)
public final class RReLU implements Activation {

    /** The registry name. */
    public static final String NAME = "rrelu";

    private final double lower;
    private final double upper;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public RReLU() {
        this(Arguments.defaults(NAME));
    }

    private RReLU(Arguments arguments) {
        this.lower = arguments.number("lower", 1.0 / 8, value -> Double.isFinite(value) && value >= 0,
                "must be finite and >= 0");
        this.upper = arguments.number("upper", 1.0 / 3, value -> Double.isFinite(value) && value >= 0,
                "must be finite and >= 0");
        if (lower > upper) {
            throw new IllegalArgumentException(NAME + ": lower must be <= upper, got lower " + lower + " and upper "
                    + upper);
        }
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RReLU configure(Arguments arguments) {
        return new RReLU(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** The inference form: the mean slope {@code (lower + upper) / 2}. */
    @Override
    public Tensor forward(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor negative = backend.binary(BinaryOp.MIN, z, 0, out.scratch(0));
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.addScaled(out, (lower + upper) / 2, negative, out);
    }

    /** In a training pass, a random slope per element; otherwise the inference form. */
    @Override
    public Tensor forward(Tensor z, Tensor out, ForwardContext context) {
        if (!context.training()) {
            return forward(z, out);
        }
        SplittableRandom random = context.random();
        double[] slopes = new double[z.shape().size()];
        for (int i = 0; i < slopes.length; i++) {
            slopes[i] = lower == upper ? lower : random.nextDouble(lower, upper);
        }
        TensorBackend backend = z.backend();
        backend.assign(slopes, out);
        backend.binary(BinaryOp.MUL, out, backend.binary(BinaryOp.MIN, z, 0, out.scratch(0)), out);
        return backend.binary(BinaryOp.ADD, out, backend.binary(BinaryOp.MAX, z, 0, out.scratch(0)), out);
    }

    @Override
    public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor negative = backend.binary(BinaryOp.LESS, z, 0, out.scratch(0));
        Tensor ones = backend.fill(1, out.scratch(1));
        Tensor slope = backend.where(negative, z, ones, out.scratch(2));
        backend.binary(BinaryOp.DIV, a, slope, slope);
        backend.where(negative, slope, ones, out);
        return Stable.times(gradA, out, out);
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

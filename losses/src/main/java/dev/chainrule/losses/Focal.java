package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * Binary focal loss on probabilities (Lin et al. 2017), with focusing {@code gamma} (default 2, {@code >= 0}) and
 * balance {@code alpha} (default 0.25, in {@code [0, 1]}). With {@code p} clipped as {@link Clipping} says,
 * {@code b = -(y log p + (1 - y) log(1 - p))} the binary cross-entropy, {@code u = 1 - p_t = p + y - 2 y p} and
 * {@code alpha_t = alpha y + (1 - alpha)(1 - y)}: terms {@code alpha_t u^gamma b} (for 0/1 targets the paper's
 * {@code -alpha_t (1 - p_t)^gamma log p_t}); {@code dE/da = alpha_t (gamma u^(gamma-1) (1 - 2y) b
 * + u^gamma (p - y) / (p (1 - p))) / m}. {@code gamma = 0, alpha = 0.5} is half the binary cross-entropy.
 */
@AutoService(Loss.class)
public final class Focal implements Loss {

    /** The registry name. */
    public static final String NAME = "focal";

    private final double gamma;
    private final double alpha;
    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Focal() {
        this(Arguments.defaults(NAME));
    }

    private Focal(Arguments arguments) {
        this.gamma = arguments.number("gamma", 2, value -> value >= 0 && Double.isFinite(value), "must be >= 0");
        this.alpha = arguments.number("alpha", 0.25, value -> value >= 0 && value <= 1, "must lie in [0, 1]");
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Focal configure(Arguments arguments) {
        return new Focal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.PROBABILITY;
    }

    @Override
    public Domain targetDomain() {
        return Domain.PROBABILITY;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        TensorBackend backend = output.backend();
        Tensor p = Clipping.probabilities(output, work.scratch(0));
        Tensor u = focus(p, target, work.scratch(1), work.scratch(2));
        backend.binary(BinaryOp.POW, u, gamma, u);
        Tensor terms = backend.binary(BinaryOp.MUL, balance(target, work.scratch(2)), u, work.scratch(2));
        backend.binary(BinaryOp.MUL, terms, BinaryCrossEntropy.terms(output, target, work.scratch(3)), work);
        return reducer.value(work, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        TensorBackend backend = output.backend();
        Tensor p = Clipping.probabilities(output, out.scratch(0));
        Tensor u = focus(p, target, out.scratch(1), out.scratch(2));
        Tensor focusSlope = backend.binary(BinaryOp.POW, u, gamma - 1, out.scratch(2));
        backend.binary(BinaryOp.MUL, focusSlope, gamma, focusSlope);
        Tensor sign = backend.binary(BinaryOp.MUL, target, -2, out.scratch(3));
        backend.binary(BinaryOp.ADD, sign, 1, sign);
        backend.binary(BinaryOp.MUL, focusSlope, sign, focusSlope);
        backend.binary(BinaryOp.MUL, focusSlope, BinaryCrossEntropy.terms(output, target, out.scratch(3)), focusSlope);
        Tensor crossEntropySlope = BinaryCrossEntropy.slopes(output, target, out.scratch(3));
        backend.binary(BinaryOp.POW, u, gamma, out);
        backend.binary(BinaryOp.MUL, out, crossEntropySlope, out);
        backend.binary(BinaryOp.ADD, out, focusSlope, out);
        backend.binary(BinaryOp.MUL, out, balance(target, out.scratch(3)), out);
        return reducer.gradient(out, output.shape());
    }

    /**
     * {@code out = u = p + y - 2 y p}, kept {@code >= eps} so that {@code u^(gamma - 1)} stays finite; {@code temp} is
     * modified.
     */
    private static Tensor focus(Tensor p, Tensor y, Tensor out, Tensor temp) {
        TensorBackend backend = p.backend();
        backend.binary(BinaryOp.ADD, p, y, out);
        backend.binary(BinaryOp.MUL, p, y, temp);
        backend.binary(BinaryOp.MUL, temp, 2, temp);
        backend.binary(BinaryOp.SUB, out, temp, out);
        return Clipping.positive(out, out);
    }

    /** {@code out = alpha y + (1 - alpha)(1 - y)}. */
    private Tensor balance(Tensor y, Tensor out) {
        y.backend().binary(BinaryOp.MUL, y, 2 * alpha - 1, out);
        return y.backend().binary(BinaryOp.ADD, out, 1 - alpha, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

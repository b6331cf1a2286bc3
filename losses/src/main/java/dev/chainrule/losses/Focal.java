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
        TargetChecks.check(this, output, target);
        Tensor p = Clipping.probabilities(output, output.newLike());
        Tensor terms = balance(target).mul(focus(p, target).zip(BinaryOp.POW, gamma))
                .mul(BinaryCrossEntropy.terms(output, target));
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target);
        TensorBackend backend = output.backend();
        Tensor p = Clipping.probabilities(output, output.newLike());
        Tensor u = focus(p, target);
        Tensor focusSlope = u.zip(BinaryOp.POW, gamma - 1).mul(gamma).mul(target.mul(-2).add(1))
                .mul(BinaryCrossEntropy.terms(output, target));
        Tensor crossEntropySlope = BinaryCrossEntropy.slopes(output, target, output.newLike());
        backend.binary(BinaryOp.POW, u, gamma, out);
        backend.binary(BinaryOp.MUL, out, crossEntropySlope, out);
        backend.binary(BinaryOp.ADD, out, focusSlope, out);
        backend.binary(BinaryOp.MUL, out, balance(target), out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code u = p + y - 2 y p}, kept {@code >= eps} so that {@code u^(gamma - 1)} stays finite. */
    private static Tensor focus(Tensor p, Tensor y) {
        return Clipping.positive(p.add(y).sub(p.mul(y).mul(2)));
    }

    /** {@code alpha y + (1 - alpha)(1 - y)}. */
    private Tensor balance(Tensor y) {
        return y.mul(2 * alpha - 1).add(1 - alpha);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

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
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Kullback-Leibler divergence {@code KL(y || a)} of predicted probabilities {@code a} from target rows {@code y}:
 * terms {@code y (log y - log a)}, 0 where {@code y = 0}; {@code dE/da = -y / (a m)}, with {@code a} clipped as
 * {@link Clipping} says. It differs from categorical cross-entropy by the targets' entropy, a constant.
 */
@AutoService(Loss.class)
public final class KullbackLeiblerDivergence implements Loss {

    /** The registry name. */
    public static final String NAME = "kl_divergence";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public KullbackLeiblerDivergence() {
        this(Arguments.defaults(NAME));
    }

    private KullbackLeiblerDivergence(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KullbackLeiblerDivergence configure(Arguments arguments) {
        return new KullbackLeiblerDivergence(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.DISTRIBUTION;
    }

    @Override
    public Domain targetDomain() {
        return Domain.DISTRIBUTION;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        TensorBackend backend = output.backend();
        // y log y is 0 at y = 0: the floor only keeps the logarithm finite there, and 0 * finite = 0.
        Tensor logY = backend.unary(UnaryOp.LOG, Clipping.positive(target, work.scratch(0)), work.scratch(0));
        Tensor logA = Clipping.probabilities(output, work.scratch(1));
        backend.unary(UnaryOp.LOG, logA, logA);
        backend.binary(BinaryOp.SUB, logY, logA, logY);
        return reducer.value(backend.binary(BinaryOp.MUL, target, logY, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        Clipping.probabilities(output, out);
        output.backend().binary(BinaryOp.DIV, target, out, out);
        output.backend().unary(UnaryOp.NEG, out, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

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
 * Binary cross-entropy on logits {@code z} (use an identity output), targets in {@code [0, 1]}: the binary
 * cross-entropy of {@code sigmoid(z)}, with terms in the log-sum-exp form {@code max(z, 0) - z y + log(1 + e^-|z|)},
 * finite for any logit; {@code dE/dz = (sigmoid(z) - y) / m}, with the sigmoid computed from {@code e^-|z|} so that
 * it never overflows. Weighted.
 */
@AutoService(Loss.class)
public final class BinaryCrossEntropyWithLogits implements Loss {

    /** The registry name. */
    public static final String NAME = "binary_cross_entropy_with_logits";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public BinaryCrossEntropyWithLogits() {
        this(Arguments.defaults(NAME));
    }

    private BinaryCrossEntropyWithLogits(Arguments arguments) {
        this.reducer = Reducer.readWeighted(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryCrossEntropyWithLogits configure(Arguments arguments) {
        return new BinaryCrossEntropyWithLogits(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain targetDomain() {
        return Domain.PROBABILITY;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.check(this, output, target);
        Tensor softplusTail = output.map(UnaryOp.ABS).map(UnaryOp.NEG).map(UnaryOp.EXP).map(UnaryOp.LOG1P);
        Tensor terms = output.zip(BinaryOp.MAX, 0).sub(output.mul(target)).add(softplusTail);
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target);
        TensorBackend backend = output.backend();
        Tensor tail = output.map(UnaryOp.ABS).map(UnaryOp.NEG).map(UnaryOp.EXP);
        Tensor upper = tail.add(1).map(UnaryOp.RECIPROCAL);
        Tensor lower = tail.mul(upper);
        backend.where(output.zip(BinaryOp.GREATER_EQUAL, 0), upper, lower, out);
        backend.binary(BinaryOp.SUB, out, target, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

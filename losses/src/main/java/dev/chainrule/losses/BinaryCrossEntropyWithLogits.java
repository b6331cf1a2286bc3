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
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        TensorBackend backend = output.backend();
        Tensor softplusTail = backend.unary(UnaryOp.ABS, output, work.scratch(0));
        backend.unary(UnaryOp.NEG, softplusTail, softplusTail);
        backend.unary(UnaryOp.EXP, softplusTail, softplusTail);
        backend.unary(UnaryOp.LOG1P, softplusTail, softplusTail);
        Tensor terms = backend.binary(BinaryOp.MAX, output, 0, work);
        backend.binary(BinaryOp.SUB, terms, backend.binary(BinaryOp.MUL, output, target, work.scratch(1)), terms);
        backend.binary(BinaryOp.ADD, terms, softplusTail, terms);
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        TensorBackend backend = output.backend();
        Tensor tail = backend.unary(UnaryOp.ABS, output, out.scratch(0));
        backend.unary(UnaryOp.NEG, tail, tail);
        backend.unary(UnaryOp.EXP, tail, tail);
        Tensor upper = backend.binary(BinaryOp.ADD, tail, 1, out.scratch(1));
        backend.unary(UnaryOp.RECIPROCAL, upper, upper);
        Tensor nonNegative = backend.binary(BinaryOp.GREATER_EQUAL, output, 0, out);
        Tensor factor = backend.binary(BinaryOp.MAX, tail, nonNegative, tail);
        backend.binary(BinaryOp.MUL, upper, factor, out);
        backend.binary(BinaryOp.SUB, out, target, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Multiclass hinge loss (Weston and Watkins 1999; PyTorch's {@code MultiMarginLoss} without its {@code 1/k}) of
 * scores {@code a} for one-hot targets {@code y} of class {@code c}, with {@code margin} (default 1, {@code >= 0}):
 * terms {@code max(0, margin + a_j - a_c)} for every {@code j != c}. With {@code v_j = 1} where that term is positive:
 * {@code dE/da_j = v_j / m} for {@code j != c} and {@code dE/da_c = -sum_j v_j / m}.
 */
@AutoService(Loss.class)
public final class MulticlassHinge implements Loss {

    /** The registry name. */
    public static final String NAME = "multiclass_hinge";

    private final double margin;
    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public MulticlassHinge() {
        this(Arguments.defaults(NAME));
    }

    private MulticlassHinge(Arguments arguments) {
        this.margin = arguments.number("margin", 1, value -> value >= 0 && Double.isFinite(value), "must be >= 0");
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MulticlassHinge configure(Arguments arguments) {
        return new MulticlassHinge(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain targetDomain() {
        return Domain.ONE_HOT;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        return reducer.value(violations(output, target, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        TensorBackend backend = output.backend();
        Tensor violated = violations(output, target, out.scratch(2));
        backend.binary(BinaryOp.GREATER, violated, 0, violated);
        Tensor count = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, violated,
                out.scratch(3, ReduceAxis.PER_ROW.resultShape(out.shape())));
        backend.binary(BinaryOp.MUL, target, count, out);
        backend.binary(BinaryOp.SUB, violated, out, out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code (1 - y_j) max(0, margin + a_j - a_c)} in a new tensor. */
    private Tensor violations(Tensor output, Tensor target, Tensor out) {
        TensorBackend backend = output.backend();
        Tensor scores = backend.binary(BinaryOp.MUL, output, target, out.scratch(0));
        Tensor correctScore = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, scores,
                out.scratch(1, ReduceAxis.PER_ROW.resultShape(out.shape())));
        Tensor terms = backend.binary(BinaryOp.SUB, output, correctScore, out);
        backend.binary(BinaryOp.ADD, terms, margin, terms);
        backend.binary(BinaryOp.MAX, terms, 0, terms);
        Tensor others = backend.unary(UnaryOp.NEG, target, out.scratch(0));
        backend.binary(BinaryOp.ADD, others, 1, others);
        return backend.binary(BinaryOp.MUL, terms, others, terms);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

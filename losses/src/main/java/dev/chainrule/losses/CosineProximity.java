package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Negative cosine similarity of each output row with its target row: one term per example,
 * {@code -cos = -(a . y) / (|a| |y|)}, in {@code [-1, 1]}; {@code dE/da = (cos a / |a|^2 - y / (|a| |y|)) / m}.
 * Squared norms are kept {@code >= eps} ({@link Clipping}), so a zero row gives a finite value. Its terms are per row,
 * so it takes no weights; {@code reduction=mean} still divides by all {@code m k} elements.
 */
@AutoService(Loss.class)
public final class CosineProximity implements Loss {

    /** The registry name. */
    public static final String NAME = "cosine_proximity";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public CosineProximity() {
        this(Arguments.defaults(NAME));
    }

    private CosineProximity(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CosineProximity configure(Arguments arguments) {
        return new CosineProximity(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        Tensor outputNorm = norm(output, work.scratch(0, perRow(output)), work);
        Tensor targetNorm = norm(target, work.scratch(1, perRow(output)), work);
        Tensor cosine = cosine(output, target, outputNorm, targetNorm, work.scratch(2, perRow(output)), work);
        return -reducer.value(cosine, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        TensorBackend backend = output.backend();
        Tensor outputNorm = norm(output, out.scratch(0, perRow(output)), out);
        Tensor targetNorm = norm(target, out.scratch(1, perRow(output)), out);
        Tensor cosine = cosine(output, target, outputNorm, targetNorm, out.scratch(2, perRow(output)), out);
        Tensor ratio = backend.unary(UnaryOp.SQUARE, outputNorm, out.scratch(3, perRow(output)));
        backend.binary(BinaryOp.DIV, cosine, ratio, ratio);
        Tensor alongOutput = backend.binary(BinaryOp.MUL, output, ratio, out.scratch(4));
        Tensor norms = backend.binary(BinaryOp.MUL, outputNorm, targetNorm, out.scratch(3, perRow(output)));
        backend.binary(BinaryOp.DIV, target, norms, out);
        backend.binary(BinaryOp.SUB, alongOutput, out, out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code sqrt(max(sum_j x_j^2, eps))} per row, {@code batch x 1}. */
    private static Tensor norm(Tensor x, Tensor into, Tensor work) {
        TensorBackend backend = x.backend();
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, backend.unary(UnaryOp.SQUARE, x, work), into);
        Clipping.positive(into, into);
        return backend.unary(UnaryOp.SQRT, into, into);
    }

    /** {@code (a . y) / (|a| |y|)} per row, {@code batch x 1}. */
    private static Tensor cosine(Tensor output, Tensor target, Tensor outputNorm, Tensor targetNorm, Tensor into,
            Tensor work) {
        TensorBackend backend = output.backend();
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, backend.binary(BinaryOp.MUL, output, target, work), into);
        Tensor norms = backend.binary(BinaryOp.MUL, outputNorm, targetNorm, work.scratch(3, into.shape()));
        return backend.binary(BinaryOp.DIV, into, norms, into);
    }

    private static Shape perRow(Tensor output) {
        return ReduceAxis.PER_ROW.resultShape(output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

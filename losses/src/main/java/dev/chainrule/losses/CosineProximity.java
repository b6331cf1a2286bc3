package dev.chainrule.losses;

import com.google.auto.service.AutoService;
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
        TargetChecks.check(this, output, target);
        return -reducer.value(cosine(output, target, norm(output), norm(target)), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target);
        TensorBackend backend = output.backend();
        Tensor outputNorm = norm(output);
        Tensor targetNorm = norm(target);
        Tensor cosine = cosine(output, target, outputNorm, targetNorm);
        Tensor alongOutput = output.mul(cosine.div(outputNorm.map(UnaryOp.SQUARE)));
        backend.binary(BinaryOp.DIV, target, outputNorm.mul(targetNorm), out);
        backend.binary(BinaryOp.SUB, alongOutput, out, out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code sqrt(max(sum_j x_j^2, eps))} per row, {@code batch x 1}. */
    private static Tensor norm(Tensor x) {
        return Clipping.positive(x.map(UnaryOp.SQUARE).reduce(ReduceOp.SUM, ReduceAxis.PER_ROW)).map(UnaryOp.SQRT);
    }

    /** {@code (a . y) / (|a| |y|)} per row, {@code batch x 1}. */
    private static Tensor cosine(Tensor output, Tensor target, Tensor outputNorm, Tensor targetNorm) {
        return output.mul(target).reduce(ReduceOp.SUM, ReduceAxis.PER_ROW).div(outputNorm.mul(targetNorm));
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

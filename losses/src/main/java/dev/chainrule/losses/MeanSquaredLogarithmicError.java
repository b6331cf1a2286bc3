package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Squared logarithmic error, for targets {@code y >= 0}: terms {@code (log(1 + a+) - log(1 + y))^2} with
 * {@code a+ = max(a, 0)}; {@code dE/da = 2 (log(1 + a+) - log(1 + y)) / ((1 + a+) m)} where {@code a > 0}, and 0 where
 * a negative output was clipped to 0.
 */
@AutoService(Loss.class)
public final class MeanSquaredLogarithmicError implements Loss {

    /** The registry name. */
    public static final String NAME = "msle";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public MeanSquaredLogarithmicError() {
        this(Arguments.defaults(NAME));
    }

    private MeanSquaredLogarithmicError(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MeanSquaredLogarithmicError configure(Arguments arguments) {
        return new MeanSquaredLogarithmicError(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.POSITIVE;
    }

    @Override
    public Domain targetDomain() {
        return Domain.NON_NEGATIVE;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.check(this, output, target);
        return reducer.value(logDifference(output, target).map(UnaryOp.SQUARE), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target);
        Tensor positive = output.zip(BinaryOp.MAX, 0);
        Tensor slope = positive.add(1).map(UnaryOp.RECIPROCAL).mul(output.zip(BinaryOp.GREATER, 0));
        output.backend().binary(BinaryOp.MUL, logDifference(output, target), slope, out);
        output.backend().binary(BinaryOp.MUL, out, 2, out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code log1p(max(a, 0)) - log1p(y)} in a new tensor. */
    private static Tensor logDifference(Tensor output, Tensor target) {
        return output.zip(BinaryOp.MAX, 0).map(UnaryOp.LOG1P).sub(target.map(UnaryOp.LOG1P));
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

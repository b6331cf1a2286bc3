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
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        Tensor difference = logDifference(output, target, work);
        return reducer.value(output.backend().unary(UnaryOp.SQUARE, difference, difference), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        TensorBackend backend = output.backend();
        Tensor slope = backend.binary(BinaryOp.MAX, output, 0, out.scratch(1));
        backend.binary(BinaryOp.ADD, slope, 1, slope);
        backend.unary(UnaryOp.RECIPROCAL, slope, slope);
        backend.binary(BinaryOp.MUL, slope, backend.binary(BinaryOp.GREATER, output, 0, out.scratch(2)), slope);
        backend.binary(BinaryOp.MUL, logDifference(output, target, out), slope, out);
        output.backend().binary(BinaryOp.MUL, out, 2, out);
        return reducer.gradient(out, output.shape());
    }

    /** {@code log1p(max(a, 0)) - log1p(y)} in a new tensor. */
    private static Tensor logDifference(Tensor output, Tensor target, Tensor out) {
        TensorBackend backend = output.backend();
        backend.binary(BinaryOp.MAX, output, 0, out);
        backend.unary(UnaryOp.LOG1P, out, out);
        return backend.binary(BinaryOp.SUB, out, backend.unary(UnaryOp.LOG1P, target, out.scratch(0)), out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

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
 * Absolute percentage error, for targets other than 0 (a target of 0 is an error, not a division by zero): terms
 * {@code 100 |a - y| / |y|}; {@code dE/da = 100 sign(a - y) / (|y| m)}.
 */
@AutoService(Loss.class)
public final class MeanAbsolutePercentageError implements Loss {

    /** The registry name. */
    public static final String NAME = "mape";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public MeanAbsolutePercentageError() {
        this(Arguments.defaults(NAME));
    }

    private MeanAbsolutePercentageError(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MeanAbsolutePercentageError configure(Arguments arguments) {
        return new MeanAbsolutePercentageError(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain targetDomain() {
        return Domain.NONZERO;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        TensorBackend backend = output.backend();
        Tensor terms = backend.binary(BinaryOp.SUB, output, target, work);
        backend.unary(UnaryOp.ABS, terms, terms);
        backend.binary(BinaryOp.DIV, terms, backend.unary(UnaryOp.ABS, target, work.scratch(0)), terms);
        return reducer.value(backend.binary(BinaryOp.MUL, terms, 100, terms), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().unary(UnaryOp.SIGN, out, out);
        output.backend().binary(BinaryOp.DIV, out, output.backend().unary(UnaryOp.ABS, target, out.scratch(0)), out);
        output.backend().binary(BinaryOp.MUL, out, 100, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

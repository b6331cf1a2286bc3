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
 * Squared hinge loss of scores {@code a} for targets {@code y} of {@code -1} or {@code 1}: terms
 * {@code max(0, 1 - y a)^2}; {@code dE/da = -2 y max(0, 1 - y a) / m}, smooth everywhere.
 */
@AutoService(Loss.class)
public final class SquaredHinge implements Loss {

    /** The registry name. */
    public static final String NAME = "squared_hinge";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public SquaredHinge() {
        this(Arguments.defaults(NAME));
    }

    private SquaredHinge(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SquaredHinge configure(Arguments arguments) {
        return new SquaredHinge(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain targetDomain() {
        return Domain.SIGN;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        Tensor shortfall = Margins.shortfall(output, target, work);
        return reducer.value(output.backend().unary(UnaryOp.SQUARE, shortfall, shortfall), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.MUL, Margins.shortfall(output, target, out.scratch(0)), target, out);
        output.backend().binary(BinaryOp.MUL, out, -2, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

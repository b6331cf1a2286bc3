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
 * Hinge loss of scores {@code a} for targets {@code y} of {@code -1} or {@code 1}: terms {@code max(0, 1 - y a)};
 * {@code dE/da = -y / m} where {@code y a < 1}, else 0.
 */
@AutoService(Loss.class)
public final class Hinge implements Loss {

    /** The registry name. */
    public static final String NAME = "hinge";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Hinge() {
        this(Arguments.defaults(NAME));
    }

    private Hinge(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Hinge configure(Arguments arguments) {
        return new Hinge(arguments);
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
        return reducer.value(Margins.shortfall(output, target, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        Tensor violated = Margins.shortfall(output, target, out.scratch(0));
        output.backend().binary(BinaryOp.GREATER, violated, 0, violated);
        output.backend().binary(BinaryOp.MUL, target, violated, out);
        output.backend().binary(BinaryOp.MUL, out, -1, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Set;

/**
 * Absolute error, also found as {@code l1}: terms {@code |a - y|}; {@code dE/da = sign(a - y) / m} (0 at the kink
 * {@code a = y}).
 */
@AutoService(Loss.class)
public final class MeanAbsoluteError implements Loss {

    /** The registry name. */
    public static final String NAME = "mae";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public MeanAbsoluteError() {
        this(Arguments.defaults(NAME));
    }

    private MeanAbsoluteError(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("l1");
    }

    @Override
    public MeanAbsoluteError configure(Arguments arguments) {
        return new MeanAbsoluteError(arguments);
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
        output.backend().binary(BinaryOp.SUB, output, target, work);
        output.backend().unary(UnaryOp.ABS, work, work);
        return reducer.value(work, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().unary(UnaryOp.SIGN, out, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

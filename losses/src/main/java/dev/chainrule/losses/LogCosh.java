package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Log-cosh loss: for {@code x = a - y}, terms {@code log cosh x}, computed as
 * {@code |x| + log1p(e^(-2|x|)) - log 2}, which never overflows; {@code dE/da = tanh(x) / m}.
 */
@AutoService(Loss.class)
public final class LogCosh implements Loss {

    /** The registry name. */
    public static final String NAME = "log_cosh";

    private static final double LOG_2 = Math.log(2);

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public LogCosh() {
        this(Arguments.defaults(NAME));
    }

    private LogCosh(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogCosh configure(Arguments arguments) {
        return new LogCosh(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.check(this, output, target);
        Tensor absolute = output.sub(target).map(UnaryOp.ABS);
        Tensor tail = absolute.mul(-2).map(UnaryOp.EXP).map(UnaryOp.LOG1P);
        return reducer.value(absolute.add(tail).sub(LOG_2), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().unary(UnaryOp.TANH, out, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

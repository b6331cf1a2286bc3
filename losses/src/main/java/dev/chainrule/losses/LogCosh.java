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
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        TensorBackend backend = output.backend();
        Tensor absolute = backend.binary(BinaryOp.SUB, output, target, work);
        backend.unary(UnaryOp.ABS, absolute, absolute);
        Tensor tail = backend.binary(BinaryOp.MUL, absolute, -2, work.scratch(0));
        backend.unary(UnaryOp.EXP, tail, tail);
        backend.unary(UnaryOp.LOG1P, tail, tail);
        backend.binary(BinaryOp.ADD, absolute, tail, absolute);
        return reducer.value(backend.binary(BinaryOp.SUB, absolute, LOG_2, absolute), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().unary(UnaryOp.TANH, out, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

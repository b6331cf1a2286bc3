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
 * Smooth L1 loss with threshold {@code beta} (default 1, {@code > 0}), PyTorch's {@code SmoothL1Loss}: for
 * {@code x = a - y}, terms {@code x^2 / (2 beta)} where {@code |x| < beta} and {@code |x| - beta / 2} beyond, which is
 * {@code huber(delta=beta) / beta}; {@code dE/da = clip(x / beta, -1, 1) / m}.
 */
@AutoService(Loss.class)
public final class SmoothL1 implements Loss {

    /** The registry name. */
    public static final String NAME = "smooth_l1";

    private final double beta;
    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public SmoothL1() {
        this(Arguments.defaults(NAME));
    }

    private SmoothL1(Arguments arguments) {
        this.beta = arguments.number("beta", 1, value -> value > 0 && Double.isFinite(value), "must be > 0");
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SmoothL1 configure(Arguments arguments) {
        return new SmoothL1(arguments);
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
        Tensor clipped = backend.binary(BinaryOp.MIN, absolute, beta, work.scratch(0));
        backend.binary(BinaryOp.SUB, absolute, backend.binary(BinaryOp.MUL, clipped, 0.5, work.scratch(1)), absolute);
        backend.binary(BinaryOp.MUL, absolute, clipped, absolute);
        Tensor terms = backend.binary(BinaryOp.DIV, absolute, beta, absolute);
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().binary(BinaryOp.DIV, out, beta, out);
        output.backend().binary(BinaryOp.MAX, out, -1, out);
        output.backend().binary(BinaryOp.MIN, out, 1, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

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
 * Huber loss with threshold {@code delta} (default 1, {@code > 0}): for {@code x = a - y}, terms {@code x^2 / 2} where
 * {@code |x| <= delta} and {@code delta (|x| - delta / 2)} beyond; {@code dE/da = clip(x, -delta, delta) / m}. Computed
 * as {@code |c| (|x| - |c| / 2)} with {@code c = clip(x, -delta, delta)}.
 */
@AutoService(Loss.class)
public final class Huber implements Loss {

    /** The registry name. */
    public static final String NAME = "huber";

    private final double delta;
    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Huber() {
        this(Arguments.defaults(NAME));
    }

    private Huber(Arguments arguments) {
        this.delta = arguments.number("delta", 1, value -> value > 0 && Double.isFinite(value), "must be > 0");
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Huber configure(Arguments arguments) {
        return new Huber(arguments);
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
        Tensor clipped = backend.binary(BinaryOp.MIN, absolute, delta, work.scratch(0));
        backend.binary(BinaryOp.SUB, absolute, backend.binary(BinaryOp.MUL, clipped, 0.5, work.scratch(1)), absolute);
        Tensor terms = backend.binary(BinaryOp.MUL, absolute, clipped, absolute);
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        output.backend().binary(BinaryOp.MAX, out, -delta, out);
        output.backend().binary(BinaryOp.MIN, out, delta, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

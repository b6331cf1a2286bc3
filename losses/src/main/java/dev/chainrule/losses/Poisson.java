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
 * Poisson negative log-likelihood of predicted rates {@code a > 0} for counts {@code y >= 0}, without the constant
 * {@code log y!}: terms {@code a - y log a}; {@code dE/da = (1 - y / a) / m}, with {@code a} kept {@code >= eps} as
 * {@link Clipping} says.
 */
@AutoService(Loss.class)
public final class Poisson implements Loss {

    /** The registry name. */
    public static final String NAME = "poisson";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Poisson() {
        this(Arguments.defaults(NAME));
    }

    private Poisson(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Poisson configure(Arguments arguments) {
        return new Poisson(arguments);
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
        TensorBackend backend = output.backend();
        Tensor rate = Clipping.positive(output, work.scratch(0));
        Tensor logRate = backend.unary(UnaryOp.LOG, rate, work.scratch(1));
        backend.binary(BinaryOp.MUL, target, logRate, logRate);
        return reducer.value(backend.binary(BinaryOp.SUB, rate, logRate, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.DIV, target, Clipping.positive(output, out.scratch(0)), out);
        output.backend().binary(BinaryOp.MUL, out, -1, out);
        output.backend().binary(BinaryOp.ADD, out, 1, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Optional;

/**
 * The classic derivation's loss: terms {@code 1/2 (a - y)^2}, so {@code E = 1/(2m) sum (a - y)^2} by default;
 * {@code dE/da = (a - y) / m}. Weighted. After an identity output {@code dE/dz = dE/da}.
 */
@AutoService(Loss.class)
public final class HalfSquaredError implements Loss {

    /** The registry name. */
    public static final String NAME = "half_squared_error";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public HalfSquaredError() {
        this(Arguments.defaults(NAME));
    }

    private HalfSquaredError(Arguments arguments) {
        this.reducer = Reducer.readWeighted(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HalfSquaredError configure(Arguments arguments) {
        return new HalfSquaredError(arguments);
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
        output.backend().unary(UnaryOp.SQUARE, work, work);
        return 0.5 * reducer.value(work, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        return SquaredErrors.afterIdentity(this, outputActivation);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

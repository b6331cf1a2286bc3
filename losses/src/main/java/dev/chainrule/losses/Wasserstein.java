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
 * The Wasserstein GAN critic loss (Arjovsky et al. 2017) on critic scores {@code a}, with targets {@code y} of
 * {@code 1} for samples whose score is to be lowered and {@code -1} for those whose score is to be raised: terms
 * {@code y a}; {@code dE/da = y / m}. The critic's Lipschitz constraint (clipping or a gradient penalty) is not part of
 * the loss.
 */
@AutoService(Loss.class)
public final class Wasserstein implements Loss {

    /** The registry name. */
    public static final String NAME = "wasserstein";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public Wasserstein() {
        this(Arguments.defaults(NAME));
    }

    private Wasserstein(Arguments arguments) {
        this.reducer = Reducer.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Wasserstein configure(Arguments arguments) {
        return new Wasserstein(arguments);
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
        return reducer.value(output.backend().binary(BinaryOp.MUL, output, target, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        output.backend().copy(target, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Tensor;
import java.util.Optional;

/**
 * Categorical cross-entropy on probabilities, for one-hot or soft target rows that sum to 1, with optional
 * {@code label_smoothing} {@code s} (default 0): terms {@code -w_j y'_j log p_j} with {@code y' = (1 - s) y + s / k},
 * {@code p = a} clipped as {@link Clipping} says; {@code dE/da = -w y' / (p m)}. Weighted. After a softmax output the
 * fused gradient is {@code dE/dz = (a sum_j w_j y'_j - w y') / m}, which is {@code (a - y) / m} unweighted, finite at
 * any logit.
 */
@AutoService(Loss.class)
public final class CategoricalCrossEntropy implements Loss {

    /** The registry name. */
    public static final String NAME = "categorical_cross_entropy";

    /** The softmax activation's registry name. */
    static final String SOFTMAX = "softmax";

    private final CrossEntropy crossEntropy;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public CategoricalCrossEntropy() {
        this(Arguments.defaults(NAME));
    }

    private CategoricalCrossEntropy(Arguments arguments) {
        this.crossEntropy = CrossEntropy.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CategoricalCrossEntropy configure(Arguments arguments) {
        return new CategoricalCrossEntropy(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.DISTRIBUTION;
    }

    @Override
    public Domain targetDomain() {
        return Domain.DISTRIBUTION;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        return crossEntropy.value(output, target, work);
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        return crossEntropy.gradient(output, target, out);
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals(SOFTMAX)) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.check(this, a, target, out);
            return crossEntropy.softmaxGradient(a, target, out);
        });
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

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
 * Categorical cross-entropy on probabilities for integer class labels, a {@code batch x 1} target of whole numbers
 * {@code 0 .. k-1}: exactly {@code categorical_cross_entropy} of the labels' one-hot rows, with the same parameters
 * ({@code label_smoothing}, {@code reduction}, {@code weights} per class) and the same fused softmax gradient
 * {@code (a sum_j w_j y'_j - w y') / m}.
 */
@AutoService(Loss.class)
public final class SparseCategoricalCrossEntropy implements Loss {

    /** The registry name. */
    public static final String NAME = "sparse_categorical_cross_entropy";

    private final CrossEntropy crossEntropy;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public SparseCategoricalCrossEntropy() {
        this(Arguments.defaults(NAME));
    }

    private SparseCategoricalCrossEntropy(Arguments arguments) {
        this.crossEntropy = CrossEntropy.read(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SparseCategoricalCrossEntropy configure(Arguments arguments) {
        return new SparseCategoricalCrossEntropy(arguments);
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
        return Domain.CLASS_LABEL;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        return crossEntropy.value(output, ClassLabels.oneHot(target, work.scratch(ClassLabels.SLOT)), work);
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        return crossEntropy.gradient(output, ClassLabels.oneHot(target, out.scratch(ClassLabels.SLOT)), out);
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals(CategoricalCrossEntropy.SOFTMAX)) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.check(this, a, target, out);
            return crossEntropy.softmaxGradient(a, ClassLabels.oneHot(target, out.scratch(ClassLabels.SLOT)), out);
        });
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

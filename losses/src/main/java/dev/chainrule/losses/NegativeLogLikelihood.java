package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Optional;
import java.util.Set;

/**
 * Negative log-likelihood of log-probabilities {@code a} (a log_softmax output) for integer class labels, a
 * {@code batch x 1} target of whole numbers {@code 0 .. k-1}, as PyTorch's {@code NLLLoss}; also found as {@code nll}.
 * With {@code y} the labels' one-hot rows: terms {@code -w_j y_j a_j}; {@code dE/da = -w y / m}. Weighted (per
 * class). After a log_softmax output the fused gradient is {@code dE/dz = (e^a sum_j w_j y_j - w y) / m}: the softmax
 * shortcut, finite at any logit.
 */
@AutoService(Loss.class)
public final class NegativeLogLikelihood implements Loss {

    /** The registry name. */
    public static final String NAME = "negative_log_likelihood";

    /** The log_softmax activation's registry name. */
    static final String LOG_SOFTMAX = "log_softmax";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public NegativeLogLikelihood() {
        this(Arguments.defaults(NAME));
    }

    private NegativeLogLikelihood(Arguments arguments) {
        this.reducer = Reducer.readWeighted(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("nll");
    }

    @Override
    public NegativeLogLikelihood configure(Arguments arguments) {
        return new NegativeLogLikelihood(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.LOG_DISTRIBUTION;
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
        Tensor terms = ClassLabels.oneHot(target, work);
        output.backend().binary(BinaryOp.MUL, terms, output, terms);
        output.backend().unary(UnaryOp.NEG, terms, terms);
        return reducer.value(terms, output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        ClassLabels.oneHot(target, out);
        output.backend().unary(UnaryOp.NEG, out, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals(LOG_SOFTMAX)) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.check(this, a, target, out);
            Tensor weighted = reducer.weigh(ClassLabels.oneHot(target, out.scratch(ClassLabels.SLOT)));
            Tensor probabilities = a.backend().unary(UnaryOp.EXP, a, out);
            CrossEntropy.softmaxShortcut(probabilities, weighted, out);
            return reducer.scale(out, a.shape());
        });
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

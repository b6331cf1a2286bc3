package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Optional;

/**
 * Categorical cross-entropy on probabilities, one-hot or soft targets: {@code E = -sum_j y_j log a_j} per example,
 * averaged over the batch; {@code dE/da = -y / (a m)}, with {@code a} clipped as {@link Probabilities} says. After a
 * softmax output the fused gradient is {@code dE/dz = (a sum_j y_j - y) / m}, which is {@code (a - y) / m} for
 * targets that sum to 1, and finite at any logit.
 */
@AutoService(Loss.class)
public final class CategoricalCrossEntropy implements Loss {

    /** The registry name. */
    public static final String NAME = "categorical_cross_entropy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.sameShape(NAME, output, target);
        Tensor logP = Probabilities.clip(output, output.newLike()).map(UnaryOp.LOG);
        return -target.mul(logP).sum() / output.rows();
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.sameShape(NAME, output, target);
        TensorBackend backend = output.backend();
        Probabilities.clip(output, out);
        backend.binary(BinaryOp.MUL, out, -output.rows(), out);
        return backend.binary(BinaryOp.DIV, target, out, out);
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals("softmax")) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.sameShape(NAME, a, target);
            TensorBackend backend = a.backend();
            Tensor targetMass = target.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW);
            backend.binary(BinaryOp.MUL, a, targetMass, out);
            backend.binary(BinaryOp.SUB, out, target, out);
            return backend.binary(BinaryOp.MUL, out, 1.0 / a.rows(), out);
        });
    }
}

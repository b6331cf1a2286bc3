package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Optional;

/**
 * Binary cross-entropy on probabilities: {@code E = -sum_j [y_j log a_j + (1 - y_j) log(1 - a_j)]} per example,
 * averaged over the batch; {@code dE/da = (a - y) / (a (1 - a) m)}, with {@code a} clipped as {@link Probabilities}
 * says. After a sigmoid output the fused gradient is {@code dE/dz = (a - y) / m}, finite at any logit.
 */
@AutoService(Loss.class)
public final class BinaryCrossEntropy implements Loss {

    /** The registry name. */
    public static final String NAME = "binary_cross_entropy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.sameShape(NAME, output, target);
        Tensor p = Probabilities.clip(output, output.newLike());
        Tensor positive = target.mul(p.map(UnaryOp.LOG));
        Tensor negative = target.rsub(1).mul(p.rsub(1).map(UnaryOp.LOG));
        return -positive.add(negative).sum() / output.rows();
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.sameShape(NAME, output, target);
        TensorBackend backend = output.backend();
        Tensor p = Probabilities.clip(output, output.newLike());
        Tensor denominator = p.mul(p.rsub(1)).mul(output.rows());
        backend.binary(BinaryOp.SUB, p, target, out);
        return backend.binary(BinaryOp.DIV, out, denominator, out);
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals("sigmoid")) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.sameShape(NAME, a, target);
            a.backend().binary(BinaryOp.SUB, a, target, out);
            return a.backend().binary(BinaryOp.MUL, out, 1.0 / a.rows(), out);
        });
    }
}

package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/**
 * The classic derivation's loss: {@code E = 1/2 sum_j (a_j - y_j)^2} per example, averaged over the batch;
 * {@code dE/da = (a - y) / m}.
 */
@AutoService(Loss.class)
public final class HalfSquaredError implements Loss {

    /** The registry name. */
    public static final String NAME = "half_squared_error";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.sameShape(NAME, output, target);
        Tensor difference = output.sub(target);
        return 0.5 * difference.mul(difference).sum() / output.rows();
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.sameShape(NAME, output, target);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        return output.backend().binary(BinaryOp.MUL, out, 1.0 / output.rows(), out);
    }
}

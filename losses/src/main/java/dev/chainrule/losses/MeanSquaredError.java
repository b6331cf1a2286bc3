package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/**
 * Mean squared error: {@code E = 1/k sum_j (a_j - y_j)^2} per example of {@code k} outputs, averaged over the batch;
 * {@code dE/da = 2 (a - y) / (m k)}.
 */
@AutoService(Loss.class)
public final class MeanSquaredError implements Loss {

    /** The registry name. */
    public static final String NAME = "mse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        TargetChecks.sameShape(NAME, output, target);
        Tensor difference = output.sub(target);
        return difference.mul(difference).sum() / output.shape().size();
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.sameShape(NAME, output, target);
        output.backend().binary(BinaryOp.SUB, output, target, out);
        return output.backend().binary(BinaryOp.MUL, out, 2.0 / output.shape().size(), out);
    }
}

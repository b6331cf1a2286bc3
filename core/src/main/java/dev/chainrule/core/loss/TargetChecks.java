package dev.chainrule.core.loss;

import dev.chainrule.core.tensor.Tensor;

/** Checks that losses make of their targets, with messages that name the loss and the shapes or values. */
public final class TargetChecks {

    private TargetChecks() {
    }

    /** {@code target} has the shape of {@code output}. */
    public static void sameShape(String loss, Tensor output, Tensor target) {
        if (!output.shape().equals(target.shape())) {
            throw new IllegalArgumentException(loss + ": the targets are " + target.shape() + " but the outputs are "
                    + output.shape() + "; they must have the same shape");
        }
    }
}

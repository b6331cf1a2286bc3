package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/** The margin arithmetic that the binary hinge losses share. */
final class Margins {

    private Margins() {
    }

    /** {@code max(0, 1 - y a)} in a new tensor: how far each score falls short of the margin. */
    static Tensor shortfall(Tensor output, Tensor target) {
        Tensor shortfall = output.mul(target).rsub(1);
        return shortfall.backend().binary(BinaryOp.MAX, shortfall, 0, shortfall);
    }
}

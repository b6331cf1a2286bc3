package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/** The margin arithmetic that the binary hinge losses share. */
final class Margins {

    private Margins() {
    }

    /** {@code max(0, 1 - y a)} in a new tensor: how far each score falls short of the margin. */
    static Tensor shortfall(Tensor output, Tensor target, Tensor out) {
        TensorBackend backend = output.backend();
        backend.binary(BinaryOp.MUL, output, target, out);
        backend.unary(UnaryOp.NEG, out, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        return backend.binary(BinaryOp.MAX, out, 0, out);
    }
}

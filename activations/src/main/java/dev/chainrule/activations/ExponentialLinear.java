package dev.chainrule.activations;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The exponential linear shape that ELU, CELU and SELU share: {@code z} for {@code z > 0}, else
 * {@code alpha (e^(z / width) - 1)}; derivative {@code 1}, else {@code (alpha / width) e^(z / width)}. The exponential
 * only ever sees {@code min(z, 0)}, so it cannot overflow, and {@code expm1} keeps precision near 0.
 */
final class ExponentialLinear {

    private ExponentialLinear() {
    }

    /** {@code out = phi(z)}. */
    static Tensor forward(Tensor z, double alpha, double width, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor negative = backend.binary(BinaryOp.MIN, z, 0, out.scratch(0));
        backend.binary(BinaryOp.DIV, negative, width, negative);
        backend.unary(UnaryOp.EXPM1, negative, negative);
        backend.binary(BinaryOp.MUL, negative, alpha, negative);
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.ADD, out, negative, out);
    }

    /** {@code out = phi'(z)}. */
    static Tensor derivative(Tensor z, double alpha, double width, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.MIN, z, 0, out);
        backend.binary(BinaryOp.DIV, out, width, out);
        backend.unary(UnaryOp.EXP, out, out);
        backend.binary(BinaryOp.MUL, out, alpha / width, out);
        return Stable.select(backend.binary(BinaryOp.GREATER, z, 0, out.scratch(0)), 1, out, out);
    }
}

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
        Tensor negative = z.zip(BinaryOp.MIN, 0);
        backend.binary(BinaryOp.DIV, negative, width, negative);
        backend.unary(UnaryOp.EXPM1, negative, negative);
        backend.binary(BinaryOp.MUL, negative, alpha, negative);
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.ADD, out, negative, out);
    }

    /** {@code out = phi'(z)}. */
    static Tensor derivative(Tensor z, double alpha, double width, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor slope = z.zip(BinaryOp.MIN, 0);
        backend.binary(BinaryOp.DIV, slope, width, slope);
        backend.unary(UnaryOp.EXP, slope, slope);
        backend.binary(BinaryOp.MUL, slope, alpha / width, slope);
        return Stable.select(z.zip(BinaryOp.GREATER, 0), 1, slope, out);
    }
}

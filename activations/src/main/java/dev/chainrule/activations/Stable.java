package dev.chainrule.activations;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Numerically stable building blocks that several activations share, written with tensor operations. Each reads
 * {@code z} (not modified) and writes {@code out} (modified), which may be {@code z} itself.
 */
final class Stable {

    private Stable() {
    }

    /**
     * {@code out = 1 / (1 + e^-z)}, from {@code e = e^-|z|} as {@code 1 / (1 + e)} for {@code z >= 0} and
     * {@code e / (1 + e)} below: no overflow, and full relative precision in both tails.
     */
    static Tensor sigmoid(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor nonNegative = z.zip(BinaryOp.GREATER_EQUAL, 0);
        Tensor tail = z.map(UnaryOp.ABS);
        backend.unary(UnaryOp.NEG, tail, tail);
        backend.unary(UnaryOp.EXP, tail, tail);
        backend.binary(BinaryOp.ADD, tail, 1, out);
        backend.unary(UnaryOp.RECIPROCAL, out, out);
        Tensor negativeSide = tail.mul(out);
        return backend.where(nonNegative, out, negativeSide, out);
    }

    /** {@code out = log(1 + e^z)}, as {@code max(z, 0) + log1p(e^-|z|)}: no overflow, exact in both tails. */
    static Tensor softplus(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor correction = z.map(UnaryOp.ABS);
        backend.unary(UnaryOp.NEG, correction, correction);
        backend.unary(UnaryOp.EXP, correction, correction);
        backend.unary(UnaryOp.LOG1P, correction, correction);
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.ADD, out, correction, out);
    }

    /** A new tensor like {@code like}, every element {@code value}. */
    static Tensor filled(Tensor like, double value) {
        return like.backend().fill(value, like.newLike());
    }

    /** {@code out = mask != 0 ? value : otherwise}, element by element. */
    static Tensor select(Tensor mask, double value, Tensor otherwise, Tensor out) {
        return mask.backend().where(mask, filled(mask, value), otherwise, out);
    }

    /** {@code out = gradA * derivative}, the vector-Jacobian product of an element-wise function. */
    static Tensor times(Tensor gradA, Tensor derivative, Tensor out) {
        return gradA.backend().binary(BinaryOp.MUL, gradA, derivative, out);
    }

    /** A 0/1 mask of {@code low < z < high}. */
    static Tensor between(Tensor z, double low, double high) {
        Tensor above = z.zip(BinaryOp.GREATER, low);
        return z.backend().binary(BinaryOp.MUL, above, z.zip(BinaryOp.LESS, high), above);
    }
}

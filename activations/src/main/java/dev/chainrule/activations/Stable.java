package dev.chainrule.activations;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Numerically stable building blocks that several activations share, written with tensor operations. Each reads
 * {@code z} (not modified unless it is {@code out}) and writes {@code out} (modified), which may be {@code z} itself.
 *
 * <p>Temporaries come from {@code out}'s work tensors ({@link Tensor#scratch(int)}), in slots from {@link #SLOTS} on,
 * so that an activation may keep its own temporaries in {@code out}'s slots below {@link #SLOTS} across a call.
 */
final class Stable {

    /** The first of {@code out}'s work slots that these helpers use; activations use the slots below. */
    static final int SLOTS = 4;

    private Stable() {
    }

    /**
     * {@code out = 1 / (1 + e^-z)}, from {@code e = e^-|z|} as {@code 1 / (1 + e)} for {@code z >= 0} and
     * {@code e / (1 + e)} below: no overflow, and full relative precision in both tails. Both are
     * {@code max(e, [z >= 0]) / (1 + e)}, since {@code 0 < e <= 1}: the factor is exactly 1 above zero and {@code e}
     * below (NaN for a NaN {@code z}), which takes one pass where a choice between the two would take several.
     */
    static Tensor sigmoid(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor nonNegative = backend.binary(BinaryOp.GREATER_EQUAL, z, 0, out.scratch(SLOTS));
        Tensor tail = backend.unary(UnaryOp.ABS, z, out.scratch(SLOTS + 1));
        backend.unary(UnaryOp.NEG, tail, tail);
        backend.unary(UnaryOp.EXP, tail, tail);
        backend.binary(BinaryOp.ADD, tail, 1, out);
        backend.unary(UnaryOp.RECIPROCAL, out, out);
        Tensor factor = backend.binary(BinaryOp.MAX, tail, nonNegative, tail);
        return backend.binary(BinaryOp.MUL, out, factor, out);
    }

    /** {@code out = log(1 + e^z)}, as {@code max(z, 0) + log1p(e^-|z|)}: no overflow, exact in both tails. */
    static Tensor softplus(Tensor z, Tensor out) {
        TensorBackend backend = z.backend();
        Tensor correction = backend.unary(UnaryOp.ABS, z, out.scratch(SLOTS));
        backend.unary(UnaryOp.NEG, correction, correction);
        backend.unary(UnaryOp.EXP, correction, correction);
        backend.unary(UnaryOp.LOG1P, correction, correction);
        backend.binary(BinaryOp.MAX, z, 0, out);
        return backend.binary(BinaryOp.ADD, out, correction, out);
    }

    /**
     * {@code out = mask != 0 ? value : otherwise}, element by element.
     *
     * @param mask      not modified; may not be {@code out}
     * @param otherwise not modified unless it is {@code out}
     */
    static Tensor select(Tensor mask, double value, Tensor otherwise, Tensor out) {
        TensorBackend backend = mask.backend();
        Tensor filled = backend.fill(value, out.scratch(SLOTS + 2));
        return backend.where(mask, filled, otherwise, out);
    }

    /** {@code out = gradA * derivative}, the vector-Jacobian product of an element-wise function. */
    static Tensor times(Tensor gradA, Tensor derivative, Tensor out) {
        return gradA.backend().binary(BinaryOp.MUL, gradA, derivative, out);
    }

    /** {@code out} = a 0/1 mask of {@code low < z < high}; {@code out} may not be {@code z}. */
    static Tensor between(Tensor z, double low, double high, Tensor out) {
        TensorBackend backend = z.backend();
        backend.binary(BinaryOp.GREATER, z, low, out);
        Tensor below = backend.binary(BinaryOp.LESS, z, high, out.scratch(SLOTS));
        return backend.binary(BinaryOp.MUL, out, below, out);
    }
}

package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Keeps the arguments of logarithms and divisions away from 0, so that losses of saturated outputs stay finite:
 * probabilities and their complements are clipped to {@code [eps, 1 - eps]}, positive quantities to {@code >= eps},
 * with {@code eps = 1e-7} in FLOAT32 and {@code 1e-12} in FLOAT64. Value and gradient are both computed from the
 * clipped numbers, so the gradient of a saturated output stays finite and still points towards the target.
 */
final class Clipping {

    private Clipping() {
    }

    static double epsilon(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-7 : 1e-12;
    }

    /** {@code out = clip(p, eps, 1 - eps)}; in place allowed. */
    static Tensor probabilities(Tensor p, Tensor out) {
        double eps = epsilon(p.dtype());
        p.backend().binary(BinaryOp.MAX, p, eps, out);
        return p.backend().binary(BinaryOp.MIN, out, 1 - eps, out);
    }

    /**
     * {@code clip(1 - p, eps, 1 - eps)} in a new tensor: the complement clipped by itself rather than computed from
     * the clipped {@code p}, because {@code 1 - eps} is not exact in floating point while {@code 1 - p} is for
     * {@code p >= 0.5}. So {@code -log(1 - p)} of a saturated output is capped at exactly {@code -log(eps)}, the same
     * cap as {@code -log(p)}.
     */
    static Tensor complements(Tensor p) {
        return complements(p, p.newLike());
    }

    /** As {@link #complements(Tensor)}, into {@code out} (modified). */
    static Tensor complements(Tensor p, Tensor out) {
        p.backend().unary(UnaryOp.NEG, p, out);
        p.backend().binary(BinaryOp.ADD, out, 1, out);
        return probabilities(out, out);
    }

    /** {@code max(x, eps)} in a new tensor. */
    static Tensor positive(Tensor x) {
        return positive(x, x.newLike());
    }

    /** {@code out = max(x, eps)}; in place allowed. */
    static Tensor positive(Tensor x, Tensor out) {
        return x.backend().binary(BinaryOp.MAX, x, epsilon(x.dtype()), out);
    }
}

package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;

/**
 * Clipping of probabilities away from 0 and 1 before a logarithm, so that cross-entropies of saturated outputs stay
 * finite: {@code [eps, 1 - eps]} with {@code eps = 1e-7} in FLOAT32 and {@code 1e-12} in FLOAT64.
 */
final class Probabilities {

    private Probabilities() {
    }

    static double epsilon(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-7 : 1e-12;
    }

    /** {@code out = clip(p, eps, 1 - eps)}. */
    static Tensor clip(Tensor p, Tensor out) {
        double eps = epsilon(p.dtype());
        p.backend().binary(BinaryOp.MAX, p, eps, out);
        return p.backend().binary(BinaryOp.MIN, out, 1 - eps, out);
    }
}

package dev.chainrule.core.training;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Bounds the gradients after backpropagation (and after the regularization's derivative is added), before the
 * optimizer sees them. Four kinds, each a record:
 * <ul>
 *   <li>{@link #none()}: gradients pass unchanged (the default);</li>
 *   <li>{@link #byValue(double) byValue(c)}: every element is clamped to {@code [-c, c]}, so {@code max |g| <= c};</li>
 *   <li>{@link #byNorm(double) byNorm(c)}: each parameter's gradient whose L2 norm exceeds {@code c} is scaled down
 *       to norm {@code c}, keeping its direction;</li>
 *   <li>{@link #byGlobalNorm(double) byGlobalNorm(c)}: when the L2 norm of all gradients together exceeds {@code c},
 *       all are scaled by the same factor to a combined norm of {@code c}, keeping the direction of the whole
 *       update.</li>
 * </ul>
 * Norms are exact up to the rounding of the tensors' dtype. A gradient whose norm is not finite is left alone, so that
 * the divergence it signals is reported rather than hidden.
 */
public sealed interface GradientClipping {

    /**
     * Clips {@code gradients} in place, using their work buffers.
     *
     * @param gradients modified
     */
    void clip(Gradients gradients);

    /** No clipping. */
    static GradientClipping none() {
        return new None();
    }

    /** Clamps every element to {@code [-limit, limit]}. */
    static GradientClipping byValue(double limit) {
        return new ByValue(limit);
    }

    /** Scales each parameter's gradient down to an L2 norm of at most {@code maxNorm}. */
    static GradientClipping byNorm(double maxNorm) {
        return new ByNorm(maxNorm);
    }

    /** Scales all gradients together down to a combined L2 norm of at most {@code maxNorm}. */
    static GradientClipping byGlobalNorm(double maxNorm) {
        return new ByGlobalNorm(maxNorm);
    }

    /** No clipping. */
    record None() implements GradientClipping {
        @Override
        public void clip(Gradients gradients) {
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * Clamps every element to {@code [-limit, limit]}.
     *
     * @param limit {@code > 0}
     */
    record ByValue(double limit) implements GradientClipping {
        public ByValue {
            requirePositive("clipping limit", limit);
        }

        @Override
        public void clip(Gradients gradients) {
            for (int p = 0; p < gradients.size(); p++) {
                Tensor g = gradients.get(p);
                TensorBackend backend = g.backend();
                backend.binary(BinaryOp.MIN, g, limit, g);
                backend.binary(BinaryOp.MAX, g, -limit, g);
            }
        }

        @Override
        public String toString() {
            return "by value " + limit;
        }
    }

    /**
     * Scales each parameter's gradient down to an L2 norm of at most {@code maxNorm}.
     *
     * @param maxNorm {@code > 0}
     */
    record ByNorm(double maxNorm) implements GradientClipping {
        public ByNorm {
            requirePositive("maximum norm", maxNorm);
        }

        @Override
        public void clip(Gradients gradients) {
            for (int p = 0; p < gradients.size(); p++) {
                Tensor g = gradients.get(p);
                double norm = Math.sqrt(squaredNorm(g, gradients.scratch(p)));
                if (norm > maxNorm && Double.isFinite(norm)) {
                    g.backend().binary(BinaryOp.MUL, g, maxNorm / norm, g);
                }
            }
        }

        @Override
        public String toString() {
            return "by norm " + maxNorm;
        }
    }

    /**
     * Scales all gradients together down to a combined L2 norm of at most {@code maxNorm}.
     *
     * @param maxNorm {@code > 0}
     */
    record ByGlobalNorm(double maxNorm) implements GradientClipping {
        public ByGlobalNorm {
            requirePositive("maximum norm", maxNorm);
        }

        @Override
        public void clip(Gradients gradients) {
            double sum = 0;
            for (int p = 0; p < gradients.size(); p++) {
                sum += squaredNorm(gradients.get(p), gradients.scratch(p));
            }
            double norm = Math.sqrt(sum);
            if (norm > maxNorm && Double.isFinite(norm)) {
                for (int p = 0; p < gradients.size(); p++) {
                    Tensor g = gradients.get(p);
                    g.backend().binary(BinaryOp.MUL, g, maxNorm / norm, g);
                }
            }
        }

        @Override
        public String toString() {
            return "by global norm " + maxNorm;
        }
    }

    private static double squaredNorm(Tensor g, Tensor scratch) {
        TensorBackend backend = g.backend();
        return backend.reduceAll(ReduceOp.SUM, backend.unary(UnaryOp.SQUARE, g, scratch));
    }

    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }
}

package dev.chainrule.core.training;

import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * An L1 and L2 penalty on one tensor of weights {@code w}, added to the loss:
 * <pre>
 * penalty(w)    = l1 * sum |w|  +  l2 / 2 * sum w^2
 * dpenalty / dw = l1 * sign(w)  +  l2 * w
 * </pre>
 * With the factor 1/2, an L2 penalty of {@code l2} adds {@code l2 * w} to the gradient: the same as coupled weight
 * decay, {@code sgd(weight_decay=l2)}. At {@code w = 0} the L1 term contributes the subgradient 0.
 *
 * @param l1 the L1 factor, {@code >= 0}
 * @param l2 the L2 factor, {@code >= 0}
 */
public record Penalty(double l1, double l2) {

    /** No penalty. */
    public static final Penalty NONE = new Penalty(0, 0);

    public Penalty {
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 must be finite and >= 0, got " + l1);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
        }
    }

    /** An L1 penalty alone. */
    public static Penalty l1(double factor) {
        return new Penalty(factor, 0);
    }

    /** An L2 penalty alone. */
    public static Penalty l2(double factor) {
        return new Penalty(0, factor);
    }

    /** Whether this penalty is zero. */
    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /**
     * The penalty of {@code weights}.
     *
     * @param weights not modified
     * @param scratch a tensor of the weights' shape; modified (its contents are of no use afterwards)
     */
    public double value(Tensor weights, Tensor scratch) {
        TensorBackend backend = weights.backend();
        double value = 0;
        if (l1 != 0) {
            value += l1 * backend.reduceAll(ReduceOp.SUM, backend.unary(UnaryOp.ABS, weights, scratch));
        }
        if (l2 != 0) {
            value += l2 / 2 * backend.reduceAll(ReduceOp.SUM, backend.unary(UnaryOp.SQUARE, weights, scratch));
        }
        return value;
    }

    /**
     * Adds the penalty's derivative to {@code gradient}.
     *
     * @param weights  not modified
     * @param gradient {@code dE/dweights}; modified
     * @param scratch  a tensor of the weights' shape; modified (its contents are of no use afterwards)
     */
    public void addGradient(Tensor weights, Tensor gradient, Tensor scratch) {
        TensorBackend backend = weights.backend();
        if (l1 != 0) {
            backend.addScaled(gradient, l1, backend.unary(UnaryOp.SIGN, weights, scratch), gradient);
        }
        if (l2 != 0) {
            backend.addScaled(gradient, l2, weights, gradient);
        }
    }

    @Override
    public String toString() {
        return "l1=" + l1 + ", l2=" + l2;
    }
}

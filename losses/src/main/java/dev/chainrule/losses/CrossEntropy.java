package dev.chainrule.losses;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * Cross-entropy of probabilities {@code p} against rows of target probabilities {@code y}, terms
 * {@code -w_j y'_j log p_j} with {@code y' = (1 - s) y + s / k} for label smoothing {@code s}: the mathematics that
 * {@code categorical_cross_entropy} and {@code sparse_categorical_cross_entropy} share once their targets are rows.
 */
final class CrossEntropy {

    private final Reducer reducer;
    private final double labelSmoothing;

    private CrossEntropy(Reducer reducer, double labelSmoothing) {
        this.reducer = reducer;
        this.labelSmoothing = labelSmoothing;
    }

    /** Reads {@code label_smoothing} (default 0, in {@code [0, 1)}), {@code reduction} and {@code weights}. */
    static CrossEntropy read(String loss, Arguments arguments) {
        double smoothing = arguments.number("label_smoothing", 0, value -> value >= 0 && value < 1,
                "must lie in [0, 1)");
        return new CrossEntropy(Reducer.readWeighted(loss, arguments), smoothing);
    }

    /** The loss of probabilities {@code output} against target rows {@code y}; neither is modified. */
    double value(Tensor output, Tensor y) {
        Tensor logP = Clipping.probabilities(output, output.newLike()).map(UnaryOp.LOG);
        Tensor terms = smoothed(y).mul(logP);
        terms.backend().unary(UnaryOp.NEG, terms, terms);
        return reducer.value(terms, output.shape());
    }

    /** {@code out = dE/da = -w y' / (p m)}, with {@code p} clipped; {@code out} is modified. */
    Tensor gradient(Tensor output, Tensor y, Tensor out) {
        TensorBackend backend = output.backend();
        Clipping.probabilities(output, out);
        backend.binary(BinaryOp.DIV, smoothed(y), out, out);
        backend.unary(UnaryOp.NEG, out, out);
        return reducer.gradient(out, output.shape());
    }

    /** The fused {@code dE/dz} after a softmax with output {@code a}: {@code (a sum_j w_j y'_j - w y') / m}. */
    Tensor softmaxGradient(Tensor a, Tensor y, Tensor out) {
        softmaxShortcut(a, reducer.weigh(smoothed(y)), out);
        return reducer.scale(out, a.shape());
    }

    /**
     * {@code out = p sum_j t_j - t} row by row: {@code dE/dz} of {@code E = -sum_j t_j log softmax(z)_j} for a
     * softmax output {@code p}. Never divides, so it is finite for any {@code z}.
     *
     * @param p       the softmax of the logits; not modified
     * @param targets the (weighted) targets {@code t}; not modified
     * @param out     receives the result; modified
     */
    static Tensor softmaxShortcut(Tensor p, Tensor targets, Tensor out) {
        TensorBackend backend = p.backend();
        Tensor mass = targets.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW);
        backend.binary(BinaryOp.MUL, p, mass, out);
        return backend.binary(BinaryOp.SUB, out, targets, out);
    }

    /** {@code (1 - s) y + s / k} in a new tensor. */
    private Tensor smoothed(Tensor y) {
        if (labelSmoothing == 0) {
            return y.duplicate();
        }
        Tensor smoothed = y.mul(1 - labelSmoothing);
        return smoothed.backend().binary(BinaryOp.ADD, smoothed, labelSmoothing / y.columns(), smoothed);
    }
}

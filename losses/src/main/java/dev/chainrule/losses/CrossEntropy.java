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

    /**
     * The loss of probabilities {@code output} against target rows {@code y}; neither is modified.
     *
     * @param work a tensor of the output's shape; modified, with its work tensor 1
     */
    double value(Tensor output, Tensor y, Tensor work) {
        TensorBackend backend = output.backend();
        Tensor terms = Clipping.probabilities(output, work);
        backend.unary(UnaryOp.LOG, terms, terms);
        backend.binary(BinaryOp.MUL, terms, smoothed(y, work.scratch(1)), terms);
        backend.unary(UnaryOp.NEG, terms, terms);
        return reducer.value(terms, output.shape());
    }

    /** {@code out = dE/da = -w y' / (p m)}, with {@code p} clipped; {@code out} and its work tensor 1 are modified. */
    Tensor gradient(Tensor output, Tensor y, Tensor out) {
        TensorBackend backend = output.backend();
        Clipping.probabilities(output, out);
        backend.binary(BinaryOp.DIV, smoothed(y, out.scratch(1)), out, out);
        backend.unary(UnaryOp.NEG, out, out);
        return reducer.gradient(out, output.shape());
    }

    /**
     * The fused {@code dE/dz} after a softmax with output {@code a}: {@code (a sum_j w_j y'_j - w y') / m}; {@code out}
     * and its work tensors 0 and 1 are modified.
     */
    Tensor softmaxGradient(Tensor a, Tensor y, Tensor out) {
        Tensor smoothed = smoothed(y, out.scratch(1));
        softmaxShortcut(a, reducer.weighed(smoothed, out.scratch(1)), out);
        return reducer.scale(out, a.shape());
    }

    /**
     * {@code out = p sum_j t_j - t} row by row: {@code dE/dz} of {@code E = -sum_j t_j log softmax(z)_j} for a
     * softmax output {@code p}. Never divides, so it is finite for any {@code z}. The row sums go into {@code out}'s
     * work tensor 0 ({@code batch x 1}).
     *
     * @param p       the softmax of the logits; not modified unless it is {@code out}
     * @param targets the (weighted) targets {@code t}; not modified; not {@code out}
     * @param out     receives the result; modified
     */
    static Tensor softmaxShortcut(Tensor p, Tensor targets, Tensor out) {
        TensorBackend backend = p.backend();
        Tensor mass = backend.reduce(ReduceOp.SUM, ReduceAxis.PER_ROW, targets,
                out.scratch(0, ReduceAxis.PER_ROW.resultShape(targets.shape())));
        backend.binary(BinaryOp.MUL, p, mass, out);
        return backend.binary(BinaryOp.SUB, out, targets, out);
    }

    /** {@code (1 - s) y + s / k} in {@code into} (modified), or {@code y} itself without smoothing. */
    private Tensor smoothed(Tensor y, Tensor into) {
        if (labelSmoothing == 0) {
            return y;
        }
        TensorBackend backend = y.backend();
        backend.binary(BinaryOp.MUL, y, 1 - labelSmoothing, into);
        return backend.binary(BinaryOp.ADD, into, labelSmoothing / y.columns(), into);
    }
}

package dev.chainrule.losses;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Optional;

/**
 * The one place where a loss's terms become its value and its term derivatives its gradient: optional per-output
 * weights ({@code weights=[1, 2, 0.5]}, one per output column, each {@code >= 0}), then the {@link Reduction}. Every
 * built-in loss computes its terms (one per element, or one per row) and hands them here.
 */
final class Reducer {

    /** The weights parameter's name. */
    static final String WEIGHTS = "weights";
    /** The work slot ({@link Tensor#scratch(int, Shape)}) of the tensor being weighed that holds the row of weights. */
    static final int WEIGHTS_SLOT = 7;

    private final String loss;
    private final Reduction reduction;
    private final Optional<double[]> weights;

    private Reducer(String loss, Reduction reduction, Optional<double[]> weights) {
        this.loss = loss;
        this.reduction = reduction;
        this.weights = weights;
    }

    /** The reduction that {@code arguments} choose, without weights. */
    static Reducer read(String loss, Arguments arguments) {
        return new Reducer(loss, Reduction.read(arguments), Optional.empty());
    }

    /** The reduction and the optional per-output weights (PyTorch's {@code weight} too) that {@code arguments} give. */
    static Reducer readWeighted(String loss, Arguments arguments) {
        Reduction reduction = Reduction.read(arguments);
        return new Reducer(loss, reduction, arguments.alias(WEIGHTS, "weight").numbers(WEIGHTS,
                value -> value >= 0 && Double.isFinite(value), "must be finite and >= 0"));
    }

    /**
     * The loss: the weighted sum of {@code terms} times the reduction's factor.
     *
     * @param terms  one term per element ({@code batch x outputs}), or one per row ({@code batch x 1}, unweighted);
     *               modified (weighed in place)
     * @param output the shape of the outputs
     */
    double value(Tensor terms, Shape output) {
        return weigh(terms).sum() * reduction.factor(output);
    }

    /**
     * Turns the derivatives of the terms into the loss's gradient, in place: weights, then the reduction's factor.
     *
     * @param out    holds {@code d term / d a}, {@code batch x outputs}; receives {@code dE/da}; modified
     * @param output the shape of the outputs
     * @return {@code out}
     */
    Tensor gradient(Tensor out, Shape output) {
        return scale(weigh(out), output);
    }

    /** Multiplies {@code tensor} ({@code batch x outputs}; modified) by the weights, if any; returns it. */
    Tensor weigh(Tensor tensor) {
        return weighed(tensor, tensor);
    }

    /**
     * {@code source} times the weights in {@code into}, or {@code source} itself when there are no weights. The row of
     * weights is kept in {@code into}'s work tensor {@value #WEIGHTS_SLOT}.
     *
     * @param source {@code batch x outputs}; not modified unless it is {@code into}
     * @param into   receives the weighed values; modified
     */
    Tensor weighed(Tensor source, Tensor into) {
        if (weights.isEmpty()) {
            return source;
        }
        double[] w = weights.get();
        if (w.length != source.columns()) {
            throw new IllegalArgumentException(loss + ": " + w.length + " weights were given for " + source.columns()
                    + " outputs (tensor " + source.shape() + "); give one weight per output");
        }
        Tensor row = into.backend().assign(w, into.scratch(WEIGHTS_SLOT, new Shape(1, w.length)));
        return into.backend().binary(BinaryOp.MUL, source, row, into);
    }

    /** Multiplies {@code tensor} (modified) by the reduction's factor for outputs of shape {@code output}. */
    Tensor scale(Tensor tensor, Shape output) {
        return tensor.backend().binary(BinaryOp.MUL, tensor, reduction.factor(output), tensor);
    }
}

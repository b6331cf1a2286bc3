package dev.chainrule.optimizers;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;

/** Exponential moving averages, the memory of most adaptive optimizers, updated in place. */
final class Moments {

    private Moments() {
    }

    /**
     * {@code average = beta * average + (1 - beta) * x}.
     *
     * @param average modified
     * @param x       not modified
     */
    static void update(Tensor average, double beta, Tensor x) {
        TensorBackend backend = average.backend();
        backend.binary(BinaryOp.MUL, average, beta, average);
        backend.addScaled(average, 1 - beta, x, average);
    }

    /**
     * {@code average = beta * average + (1 - beta) * x^2}.
     *
     * @param average modified
     * @param x       not modified
     * @param scratch modified
     */
    static void updateSquares(Tensor average, double beta, Tensor x, Tensor scratch) {
        update(average, beta, average.backend().unary(UnaryOp.SQUARE, x, scratch));
    }
}

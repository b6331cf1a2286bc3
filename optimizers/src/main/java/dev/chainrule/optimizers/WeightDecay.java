package dev.chainrule.optimizers;

import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;

/** The two forms of weight decay that optimizers offer. */
final class WeightDecay {

    private WeightDecay() {
    }

    /**
     * Coupled (L2) decay, {@code g + decay * p}: the gradient itself when {@code decay} is 0, else the sum in a scratch
     * buffer of {@code state}. Neither {@code parameter} nor {@code gradient} is modified.
     */
    static Tensor coupled(Tensor parameter, Tensor gradient, double decay, OptimizerState state) {
        if (decay == 0) {
            return gradient;
        }
        return parameter.backend().addScaled(gradient, decay, parameter, state.scratch("decayed_gradient"));
    }

    /**
     * Decoupled decay (Loshchilov and Hutter 2019), {@code p = p * (1 - rate * decay)}, applied to {@code parameter} in
     * place before the optimizer's own update.
     */
    static void decoupled(Tensor parameter, double rate, double decay) {
        if (decay != 0) {
            parameter.backend().binary(BinaryOp.MUL, parameter, 1 - rate * decay, parameter);
        }
    }
}

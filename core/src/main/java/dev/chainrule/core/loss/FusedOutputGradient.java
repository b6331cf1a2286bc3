package dev.chainrule.core.loss;

import dev.chainrule.core.tensor.Tensor;

/**
 * A loss's shortcut for {@code dE/dz} at the output layer, past a particular output activation. It must equal the
 * chain rule's {@code activation.backward(z, a, loss.gradient(a, y))} wherever that is finite.
 */
@FunctionalInterface
public interface FusedOutputGradient {

    /**
     * Computes {@code out = dE/dz} at the output layer.
     *
     * @param z      the output layer's pre-activations; not modified
     * @param a      the output layer's activations; not modified
     * @param target the targets; not modified
     * @param out    receives {@code dE/dz}, shape of {@code z}; modified
     * @return {@code out}
     */
    Tensor gradient(Tensor z, Tensor a, Tensor target, Tensor out);
}

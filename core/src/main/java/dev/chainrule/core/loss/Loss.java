package dev.chainrule.core.loss;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Tensor;
import java.util.Optional;

/**
 * A loss {@code E = L(a, y)} of the network's output {@code a} and target {@code y}, and its gradient
 * {@code dE/da}, where the chain rule starts.
 *
 * <p>The gradient is taken with respect to the <em>output</em> and never depends on the output activation; the
 * trainer passes it through that activation's own {@link Activation#backward}. When a loss and an output activation
 * have a well-known shortcut (sigmoid with binary cross-entropy, softmax with categorical cross-entropy:
 * {@code dE/dz = (a - y) / m}), the loss offers it through {@link #fusedGradient}: it is the product of the two
 * factors with the cancelling terms removed, numerically stable where {@code a} saturates.
 *
 * <p>Convention: the value is the mean over the batch of each example's loss; the gradient is of that mean, so it
 * carries the factor {@code 1/m}. Methods never modify their inputs.
 */
public interface Loss extends Plugin {

    /**
     * The loss of a batch.
     *
     * @param output the network's output {@code a}, {@code batch x outputs}; not modified
     * @param target the targets, in the shape this loss documents; not modified
     */
    double value(Tensor output, Tensor target);

    /**
     * Computes {@code out = dE/da}.
     *
     * @param output the network's output, not modified
     * @param target the targets, not modified
     * @param out    receives the gradient, shape of {@code output}; modified
     * @return {@code out}
     */
    Tensor gradient(Tensor output, Tensor target, Tensor out);

    /**
     * The shortcut {@code dE/dz} for this loss after {@code outputActivation}, if this loss knows one; the trainer
     * uses it unless told not to. The default knows none.
     */
    default Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        return Optional.empty();
    }

    /** {@code dE/da} in a new tensor. */
    default Tensor gradient(Tensor output, Tensor target) {
        return gradient(output, target, output.newLike());
    }

    @Override
    default Loss configure(Arguments arguments) {
        return this;
    }
}

package dev.chainrule.core.loss;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Shape;
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
 * <p>Convention: the value is the mean over the batch of each example's loss, an example's loss being the sum of its
 * terms over the outputs; the gradient is of that mean, so it carries the factor {@code 1/m}. The built-in losses
 * follow it by default and take a {@code reduction} parameter for the other common choices. Methods never modify
 * their inputs.
 *
 * <p>A loss says which values its outputs and targets take ({@link #outputDomain()}, {@link #targetDomain()}); it
 * checks its targets with {@link TargetChecks#check}, and tests draw sample points from both domains. An example,
 * the absolute error {@code |a - y|} with gradient {@code sign(a - y) / m}:
 * <pre>{@code
 * @AutoService(Loss.class)
 * public final class AbsoluteError implements Loss {
 *     public String name() { return "absolute_error"; }
 *
 *     public double value(Tensor output, Tensor target) {
 *         TargetChecks.check(this, output, target);
 *         return output.sub(target).map(UnaryOp.ABS).sum() / output.rows();
 *     }
 *
 *     public Tensor gradient(Tensor output, Tensor target, Tensor out) {
 *         TargetChecks.check(this, output, target);
 *         TensorBackend backend = output.backend();
 *         backend.binary(BinaryOp.SUB, output, target, out);
 *         backend.unary(UnaryOp.SIGN, out, out);
 *         return backend.binary(BinaryOp.MUL, out, 1.0 / output.rows(), out);
 *     }
 * }
 * }</pre>
 * Prove it with the test kit ({@code chainrule-testkit}): a test class {@code implements LossContract} whose
 * {@code loss()} returns it; or call {@code GradientChecker.check(loss, output, target)} yourself.
 */
public interface Loss extends Plugin {

    /**
     * The loss of a batch.
     *
     * @param output the network's output {@code a}, {@code batch x outputs}; not modified
     * @param target the targets, in the shape and domain of {@link #targetDomain()}; not modified
     * @throws IllegalArgumentException if the targets do not fit, naming the loss, the shapes, the row and the value
     */
    double value(Tensor output, Tensor target);

    /**
     * The loss of a batch, computed with the help of {@code work}, a tensor of the output's shape whose contents and
     * {@linkplain Tensor#scratch(int, Shape) work tensors} the loss may overwrite. The trainer passes one that it
     * reuses from batch to batch, so that a loss that keeps its intermediate results there allocates nothing per
     * batch. The default ignores {@code work} and calls {@link #value(Tensor, Tensor)}; the built-in losses compute
     * here and implement the two-argument form with a new work tensor.
     *
     * @param output the network's output {@code a}, {@code batch x outputs}; not modified
     * @param target the targets; not modified
     * @param work   a tensor of the output's shape, not the output; modified
     */
    default double value(Tensor output, Tensor target, Tensor work) {
        return value(output, target);
    }

    /**
     * Computes {@code out = dE/da}.
     *
     * @param output the network's output, not modified
     * @param target the targets, not modified
     * @param out    receives the gradient, shape of {@code output}; modified
     * @return {@code out}
     * @throws IllegalArgumentException if the targets do not fit, as for {@link #value}
     */
    Tensor gradient(Tensor output, Tensor target, Tensor out);

    /**
     * The shortcut {@code dE/dz} for this loss after {@code outputActivation}, if this loss knows one; the trainer
     * uses it unless told not to. The default knows none.
     */
    default Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        return Optional.empty();
    }

    /**
     * The values this loss is defined on as outputs: {@link Domain#PROBABILITY} for a cross-entropy on
     * probabilities, {@link Domain#REAL} (the default) for one on logits or for a regression loss. Nothing checks
     * outputs against it; it tells tests where to draw sample outputs.
     */
    default Domain outputDomain() {
        return Domain.REAL;
    }

    /**
     * The values, and so the shape, that this loss's targets take: {@link Domain#CLASS_LABEL} for one label column,
     * otherwise one target per output. {@link Domain#REAL}, any finite number, by default.
     */
    default Domain targetDomain() {
        return Domain.REAL;
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

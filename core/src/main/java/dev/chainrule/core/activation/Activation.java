package dev.chainrule.core.activation;

import dev.chainrule.core.network.WeightInitialization;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Tensor;

/**
 * A layer's activation function {@code a = phi(z)} and its part of the chain rule.
 *
 * <p>{@link #backward} is a <em>vector-Jacobian product</em>, not "the derivative at z": given the error
 * {@code gradA = dE/da} arriving at this layer's output, it returns {@code dE/dz = gradA · da/dz}. An element-wise
 * activation multiplies {@code gradA} by {@code phi'(z)} element by element; softmax applies its full Jacobian
 * row by row. That is why any activation, built in or not, fits the same slot, and why every layer of a network
 * may use a different one: the trainer calls each layer's own {@code backward} with that layer's own {@code z}.
 *
 * <p>Both methods receive tensors of shape {@code batch x units}, never modify their inputs, and write into
 * {@code out}, a separate tensor of the same shape, which they return. Write them with the backend's operations
 * (the {@link Tensor} methods), and the activation runs natively on every backend. A plugin that only has scalar
 * formulas can extend {@link ScalarActivation} instead.
 *
 * <p>An example, the softsign function {@code z / (1 + |z|)} with derivative {@code 1 / (1 + |z|)^2}:
 * <pre>{@code
 * @AutoService(Activation.class)
 * public final class Softsign implements Activation {
 *     public String name() { return "softsign"; }
 *
 *     public Tensor forward(Tensor z, Tensor out) {
 *         Tensor denominator = z.map(UnaryOp.ABS).add(1);
 *         return z.backend().binary(BinaryOp.DIV, z, denominator, out);
 *     }
 *
 *     public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
 *         Tensor slope = z.map(UnaryOp.ABS).add(1).map(UnaryOp.SQUARE).map(UnaryOp.RECIPROCAL);
 *         return z.backend().binary(BinaryOp.MUL, gradA, slope, out);
 *     }
 * }
 * }</pre>
 * Prove it with {@code GradientChecker.check(activation, z)} in a test.
 */
public interface Activation extends Plugin {

    /**
     * Computes {@code out = phi(z)}.
     *
     * @param z   the pre-activations, {@code batch x units}; not modified
     * @param out receives the activations; same shape as {@code z}; modified
     * @return {@code out}
     */
    Tensor forward(Tensor z, Tensor out);

    /**
     * Computes {@code out = dE/dz} from {@code gradA = dE/da} by this function's own derivative (a vector-Jacobian
     * product).
     *
     * @param z     the pre-activations that {@link #forward} was given; not modified
     * @param a     what {@link #forward} returned for {@code z}, for derivatives best written in terms of the output
     *              (sigmoid: {@code a(1 - a)}); not modified
     * @param gradA the error arriving at this layer's output, {@code dE/da}; not modified
     * @param out   receives {@code dE/dz}; same shape as {@code z}; modified
     * @return {@code out}
     */
    Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out);

    /** The weight initialisation that suits this function (Glorot unless overridden; He for the ReLU family). */
    default WeightInitialization recommendedInitialization() {
        return WeightInitialization.GLOROT_UNIFORM;
    }

    /** {@code phi(z)} in a new tensor. */
    default Tensor forward(Tensor z) {
        return forward(z, z.newLike());
    }

    /** {@code dE/dz} in a new tensor. */
    default Tensor backward(Tensor z, Tensor a, Tensor gradA) {
        return backward(z, a, gradA, z.newLike());
    }

    @Override
    default Activation configure(Arguments arguments) {
        return this;
    }
}

package dev.chainrule.core.activation;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;

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
 * <p>An example, the bent identity {@code (sqrt(z^2 + 1) - 1) / 2 + z} with derivative
 * {@code z / (2 sqrt(z^2 + 1)) + 1}:
 * <pre>{@code
 * @AutoService(Activation.class)
 * public final class BentIdentity implements Activation {
 *     public String name() { return "bent_identity"; }
 *
 *     public Tensor forward(Tensor z, Tensor out) {
 *         Tensor root = z.map(UnaryOp.SQUARE).add(1).map(UnaryOp.SQRT);
 *         return z.backend().addScaled(z, 0.5, root.sub(1), out);
 *     }
 *
 *     public Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out) {
 *         Tensor slope = z.div(z.map(UnaryOp.SQUARE).add(1).map(UnaryOp.SQRT).mul(2)).add(1);
 *         return z.backend().binary(BinaryOp.MUL, gradA, slope, out);
 *     }
 * }
 * }</pre>
 * Prove it with the test kit ({@code chainrule-testkit}): a test class {@code implements ActivationContract} whose
 * {@code activation()} returns it checks the derivative against finite differences on every backend, and much more;
 * or call {@code GradientChecker.check(activation, z, seed)} yourself.
 *
 * <p>The {@link Tensor} methods used above ({@code map}, {@code add}, ...) allocate a new tensor each. An activation
 * that matters for speed computes in {@code out} and takes its temporaries from {@code out}'s work tensors,
 * {@code backend.unary(UnaryOp.SQUARE, z, out.scratch(0))}: the trainer reuses {@code out} from batch to batch, and
 * with it the work tensors, so such an activation allocates nothing per batch.
 *
 * <p><b>Beyond the two methods</b> (each has a default that fits a plain function, so simple plugins ignore them):
 * <ul>
 *   <li><em>One instance per layer.</em> The registry's {@link #configure} gives a configured instance; the network
 *       builder calls {@link #bind} once per layer and uses the instance it returns. A stateless function returns
 *       itself; one that owns tensors returns a fresh instance holding them.</li>
 *   <li><em>Trainable parameters</em> ({@code prelu}'s slopes): {@link #parameters} lists them, and
 *       {@link #parameterGradients} computes {@code dE/dp} from the same {@code z}, {@code a} and {@code gradA} that
 *       {@code backward} gets. The layer lists them after its weights and bias, so backpropagation fills their
 *       gradients, optimizers update them and gradient checks cover them exactly like weights.</li>
 *   <li><em>Training and inference</em> ({@code rrelu}'s random slopes):
 *       {@link #forward(Tensor, Tensor, ForwardContext)} learns whether the pass trains and gets a seeded random
 *       generator; the two-argument {@code forward} is the inference form. {@code backward} gets no context: it must
 *       recover what a training forward drew from {@code z} and {@code a} (rrelu's slope is {@code a / z}).</li>
 *   <li><em>Where it is finite</em>: {@link #finiteDomain} bounds the inputs for a function that overflows by
 *       definition ({@code exponential}); all others stay finite for every input.</li>
 * </ul>
 */
public interface Activation extends Plugin {

    /**
     * Computes {@code out = phi(z)} for inference.
     *
     * @param z   the pre-activations, {@code batch x units}; not modified
     * @param out receives the activations; same shape as {@code z}; modified
     * @return {@code out}
     */
    Tensor forward(Tensor z, Tensor out);

    /**
     * Computes {@code out = phi(z)} in a training or inference pass. The default ignores the context and calls
     * {@link #forward(Tensor, Tensor)}; an activation that behaves differently while training overrides it.
     *
     * @param z       the pre-activations, {@code batch x units}; not modified
     * @param out     receives the activations; same shape as {@code z}; modified
     * @param context whether the pass trains, and its random numbers
     * @return {@code out}
     */
    default Tensor forward(Tensor z, Tensor out, ForwardContext context) {
        return forward(z, out);
    }

    /**
     * Computes {@code out = dE/dz} from {@code gradA = dE/da} by this function's own derivative (a vector-Jacobian
     * product).
     *
     * @param z     the pre-activations that {@link #forward} was given; not modified
     * @param a     what {@link #forward} returned for {@code z} in the same pass, for derivatives best written in terms
     *              of the output (sigmoid: {@code a(1 - a)}); not modified
     * @param gradA the error arriving at this layer's output, {@code dE/da}; not modified
     * @param out   receives {@code dE/dz}; same shape as {@code z}; modified
     * @return {@code out}
     */
    Tensor backward(Tensor z, Tensor a, Tensor gradA, Tensor out);

    /**
     * The spec of the weight initializer that suits this function, which a dense layer uses unless told otherwise:
     * {@code glorot_uniform} unless overridden; the built-in ReLU family recommends {@code he_normal} and selu
     * {@code lecun_normal}. Name one that is on the class path wherever the activation is (core registers those
     * three).
     */
    default Spec recommendedInitializer() {
        return Spec.of("glorot_uniform");
    }

    /**
     * The instance that serves one layer of {@code units} units whose tensors live on {@code backend} in
     * {@code dtype}. Called once per layer by the network builder. The default returns {@code this}, right for every
     * activation without state; an activation with parameters returns a new instance that owns them, so that two
     * layers never share them.
     */
    default Activation bind(int units, TensorBackend backend, DType dtype) {
        return this;
    }

    /**
     * The trainable parameters of this (bound) instance, such as {@code prelu}'s {@code 1 x units} slopes; empty by
     * default. The same tensors every time: optimizers update them in place.
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Computes {@code dE/dp} for every parameter, summed over the batch. Called after {@link #backward} with the same
     * arguments; only needed when {@link #parameters} is not empty.
     *
     * @param z     the pre-activations; not modified
     * @param a     the activations of the same pass; not modified
     * @param gradA the error arriving at this layer's output, {@code dE/da}; not modified
     * @param out   one tensor per parameter, in the order and shapes of {@link #parameters}; each modified
     */
    default void parameterGradients(Tensor z, Tensor a, Tensor gradA, List<Tensor> out) {
        if (!parameters().isEmpty()) {
            throw new IllegalStateException(name() + " has parameters " + parameters().stream().map(Parameter::name).toList()
                    + " but does not compute their gradients; override parameterGradients");
        }
    }

    /**
     * The inputs for which {@code forward} and {@code backward} give finite numbers in {@code dtype}:
     * {@link FiniteDomain#EVERYWHERE} unless the function overflows by definition.
     */
    default FiniteDomain finiteDomain(DType dtype) {
        return FiniteDomain.EVERYWHERE;
    }

    /** {@code phi(z)} for inference, in a new tensor. */
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

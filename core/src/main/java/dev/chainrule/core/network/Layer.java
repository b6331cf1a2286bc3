package dev.chainrule.core.network;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * One stage of a network and its part of the chain rule: {@code dense}, {@code dropout(rate=0.3)},
 * {@code batch_norm(momentum=0.1, eps=1e-5)}, or a plugin of yours. Backpropagation runs the layers' {@link #forward}
 * in order and their {@link #backward} in reverse, and knows no layer type: each layer brings its own derivative.
 *
 * <p><b>Life cycle.</b> The registry's {@link #configure} gives a configured layer (from a spec), which says what it
 * makes of an input ({@link #outputShape}, checked before anything is allocated). The network builder then calls
 * {@link #bind} once per place in a network; the bound instance it returns owns that place's parameters and state.
 * A layer without tensors of its own returns itself.
 *
 * <p><b>Tensors.</b> A batch is one example per row: {@code input} is {@code batch x inputShape.size()},
 * {@code output} {@code batch x outputShape.size()}. A layer that arranges an example as channels, rows and columns
 * (a convolution) reads that from the {@link FeatureShape} it was bound to; the tensors stay two-dimensional.
 *
 * <p><b>Forward and backward.</b> {@code forward} writes {@code output}; {@code backward} receives
 * {@code gradOutput = dE/d(output)} and writes {@code dE/d(input)} and {@code dE/dp} for each of its parameters: a
 * vector-Jacobian product, like {@link Activation#backward}. Neither modifies its inputs. Whatever {@code backward}
 * needs from {@code forward} (a mask, a normalised input) goes into the {@link LayerMemory} that both receive, never
 * into the layer's fields: a bound layer is shared by every pass, and inference passes may run on several threads
 * at once, each with memories of its own. Compute with the backend's operations into {@code output},
 * {@code gradInput} and the memory's tensors, and take temporaries from {@link Tensor#scratch(int)} of the tensor
 * being written; then a training step allocates nothing once each batch size has run.
 *
 * <p><b>Training and inference.</b> {@link ForwardContext#training()} says which; a noise layer draws from
 * {@link ForwardContext#random()} (the generator the training session owns, so checkpoints and the gradient checker
 * can replay a pass) and keeps what it drew in its memory. {@link LayerMemory#training()} tells {@code backward}
 * which kind of pass the forward was. A layer with running statistics updates its {@link #state()} in training passes
 * only.
 *
 * <p>An example, a layer that scales its input by a learned factor per feature:
 * <pre>{@code
 * @AutoService(Layer.class)
 * public final class Scale implements Layer {
 *     private final Parameter factor;                        // 1 x features; null until bound
 *
 *     public Scale() { this(null); }
 *     private Scale(Parameter factor) { this.factor = factor; }
 *     public String name() { return "scale"; }
 *     public FeatureShape outputShape(FeatureShape input) { return input; }
 *
 *     public Scale bind(LayerBinding binding) {
 *         Tensor ones = binding.filled(new Shape(1, binding.input().size()), 1);
 *         return new Scale(new Parameter(binding.tensorName("factor"), ones));
 *     }
 *     public List<Parameter> parameters() { return List.of(factor); }
 *
 *     public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
 *         return input.backend().binary(BinaryOp.MUL, input, factor.value(), output);
 *     }
 *
 *     public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
 *             List<Tensor> parameterGradients, LayerMemory memory) {
 *         TensorBackend backend = input.backend();
 *         Tensor product = backend.binary(BinaryOp.MUL, gradOutput, input, gradOutput.scratch(0));
 *         backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, product, parameterGradients.get(0));
 *         gradInput.ifPresent(out -> backend.binary(BinaryOp.MUL, gradOutput, factor.value(), out));
 *     }
 * }
 * }</pre>
 * Prove it with the test kit: a test class {@code implements LayerContract} checks both gradients against finite
 * differences on every backend, inference against training, shapes, dtypes, determinism and the model-file round trip.
 */
public interface Layer extends Plugin {

    /**
     * What this configured layer makes of examples shaped {@code input}. Called before anything is allocated, so a
     * layer that cannot take such an input says so here, naming itself and the shape.
     *
     * @throws IllegalArgumentException when the layer cannot take {@code input}
     */
    FeatureShape outputShape(FeatureShape input);

    /**
     * The instance that serves one place in a network, owning that place's parameters and state, created through
     * {@code binding} (tensors on its backend, weights drawn by initializers from its generator). Called once per
     * place by the network builder, with the input shape that {@link #outputShape} accepted. The default returns
     * {@code this}, right for a layer without tensors of its own.
     */
    default Layer bind(LayerBinding binding) {
        return this;
    }

    /**
     * The trainable parameters of this bound layer, named {@link #tensorName(int, String) layer k name}; empty by
     * default. The same tensors every time: optimizers update them in place.
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * The non-trainable tensors of this bound layer that a model file and a checkpoint save (batch_norm's running
     * mean and variance), named like the parameters; empty by default. Updated in place by training passes.
     */
    default List<State> state() {
        return List.of();
    }

    /**
     * Computes the layer's output for a batch.
     *
     * @param input   {@code batch x inputShape.size()}; not modified
     * @param output  receives the output, {@code batch x outputShape.size()}; modified
     * @param context whether the pass trains, and its random numbers
     * @param memory  this layer's memory for this batch size; what {@code backward} needs is kept here
     * @return {@code output}
     */
    Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory);

    /**
     * Computes {@code dE/d(input)} and {@code dE/dp} for every parameter from {@code gradOutput = dE/d(output)}, after
     * {@link #forward} ran with the same {@code input}, {@code output} and {@code memory}.
     *
     * @param input              what {@code forward} was given; not modified
     * @param output             what {@code forward} wrote; not modified
     * @param gradOutput         {@code dE/d(output)}; not modified
     * @param gradInput          receives {@code dE/d(input)}, of {@code input}'s shape; modified. Empty when nobody
     *                           needs it (the first layer), so that the layer can skip computing it
     * @param parameterGradients one tensor per parameter, in the order and shapes of {@link #parameters()}; each
     *                           overwritten with that parameter's gradient summed over the batch
     * @param memory             the memory {@code forward} used
     */
    void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory);

    /**
     * For a layer whose output is an activation applied to a pre-activation {@code z} it computes (dense, activation):
     * that activation. Backpropagation then lets a loss's fused output gradient {@code dE/dz} replace the activation's
     * own derivative at the network's output; see {@link #preActivation}, {@link #preActivationGradient} and
     * {@link #backwardFromPreActivation}, which such a layer implements. Empty by default.
     */
    default Optional<Activation> outputActivation() {
        return Optional.empty();
    }

    /** The pre-activation {@code z} of the last forward pass; only for a layer with an {@link #outputActivation()}. */
    default Tensor preActivation(Tensor input, LayerMemory memory) {
        throw new IllegalStateException(name() + " has no output activation, so no pre-activation");
    }

    /**
     * The tensor that holds {@code dE/dz} for the pass in {@code memory}: {@link #backward} fills it, and the fused
     * output path writes it before calling {@link #backwardFromPreActivation}. Only for a layer with an
     * {@link #outputActivation()}.
     */
    default Tensor preActivationGradient(LayerMemory memory) {
        throw new IllegalStateException(name() + " has no output activation, so no pre-activation gradient");
    }

    /**
     * {@link #backward} from {@code dE/dz} (in {@link #preActivationGradient}) instead of {@code dE/d(output)}: the
     * part of the chain rule after the activation's derivative. Only for a layer with an {@link #outputActivation()}.
     */
    default void backwardFromPreActivation(Tensor input, Optional<Tensor> gradInput, List<Tensor> parameterGradients,
            LayerMemory memory) {
        throw new IllegalStateException(name() + " has no output activation to backpropagate from");
    }

    @Override
    default Layer configure(Arguments arguments) {
        return this;
    }

    /** The name of layer {@code index}'s tensor {@code local}: {@code layer 2 weights}. */
    static String tensorName(int index, String local) {
        return "layer " + index + " " + local;
    }
}

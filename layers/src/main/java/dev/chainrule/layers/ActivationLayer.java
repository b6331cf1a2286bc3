package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * An activation on its own, {@code out = phi(x)}, for a place where it is not part of a dense layer: after a
 * normalisation ({@code dense(units=64), batch_norm, activation(function=relu)}). {@code dE/dx = phi.backward(x, out,
 * dE/dout)}; an activation with parameters (prelu) owns them here, per feature. At a network's output, a loss's fused
 * gradient applies through it as through a dense layer's activation. Spec {@code activation(function=relu)}.
 */
@AutoService(Layer.class)
public final class ActivationLayer implements Layer {

    /** The registry name. */
    public static final String NAME = "activation";

    private static final int DELTA = 0;

    private final Spec function;
    private final Activation activation;
    private final List<Parameter> parameters;
    private final int features;

    /** {@code function = identity}. */
    public ActivationLayer() {
        this(Spec.of("identity"), null, List.of(), 0);
    }

    private ActivationLayer(Spec function, Activation activation, List<Parameter> parameters, int features) {
        this.function = function;
        this.activation = activation;
        this.parameters = parameters;
        this.features = features;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActivationLayer configure(Arguments arguments) {
        return new ActivationLayer(arguments.spec("function", "identity"), null, List.of(), 0);
    }

    @Override
    public Spec spec() {
        return Spec.of(NAME).with("function", activation == null ? function : activation.spec());
    }

    @Override
    public FeatureShape outputShape(FeatureShape input) {
        return input;
    }

    @Override
    public ActivationLayer bind(LayerBinding binding) {
        Activation bound = binding.activation(function).bind(binding.input().size(), binding.backend(),
                binding.dtype());
        List<Parameter> own = bound.parameters().stream()
                .map(parameter -> new Parameter(binding.tensorName(parameter.name()), parameter.value(),
                        Parameter.Kind.OTHER))
                .toList();
        return new ActivationLayer(function, bound, own, binding.input().size());
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Optional<Activation> outputActivation() {
        return Optional.ofNullable(activation);
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        return bound().forward(input, output, context);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        if (gradInput.isPresent()) {
            bound().backward(input, output, gradOutput, gradInput.get());
        }
        if (!parameters.isEmpty()) {
            bound().parameterGradients(input, output, gradOutput, parameterGradients);
        }
    }

    @Override
    public Tensor preActivation(Tensor input, LayerMemory memory) {
        return input;
    }

    @Override
    public Tensor preActivationGradient(LayerMemory memory) {
        bound();
        return memory.tensor(DELTA, features);
    }

    @Override
    public void backwardFromPreActivation(Tensor input, Optional<Tensor> gradInput, List<Tensor> parameterGradients,
            LayerMemory memory) {
        if (gradInput.isPresent()) {
            input.backend().copy(preActivationGradient(memory), gradInput.get());
        }
    }

    private Activation bound() {
        if (activation == null) {
            throw new IllegalStateException(spec() + " is configured but not bound to a place in a network");
        }
        return activation;
    }

    @Override
    public String toString() {
        return spec().toString();
    }
}

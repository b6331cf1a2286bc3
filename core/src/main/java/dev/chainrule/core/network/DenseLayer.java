package dev.chainrule.core.network;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Zeros;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fully connected layer {@code a = phi(x W + b)}, the {@code dense} layer plugin: weights {@code W} of shape
 * {@code inputs x units}, a bias row {@code b} of shape {@code 1 x units}, and its own activation {@code phi}, whose
 * trainable parameters (if any, such as {@code prelu}'s slopes) belong to the layer too.
 * <pre>
 * forward:   z = x W + b        a = phi(z)
 * backward:  dE/dz = phi.backward(z, a, dE/da)        dW = x^T dE/dz     db = column sums of dE/dz
 *            dE/dx = dE/dz W^T
 * </pre>
 * Spec: {@code dense(units=64, activation=relu, init=he_normal, bias_init=zeros)}; {@code units} is required,
 * {@code activation} defaults to {@code identity}, {@code init} to the activation's
 * {@linkplain Activation#recommendedInitializer() recommendation} (or the network builder's initializer), and
 * {@code bias_init} to {@code zeros}. An input with a spatial arrangement is taken as its flat row of numbers. It
 * lives in core because it is the layer that every network has; the other layers are plugins like any other.
 */
@AutoService(Layer.class)
public final class DenseLayer implements Layer {

    /** The registry name. */
    public static final String NAME = "dense";

    private static final int Z = 0;
    private static final int DELTA = 1;

    private final OptionalInt units;
    private final Optional<Activation> activation;
    private final Spec activationSpec;
    private final Optional<Spec> initializer;
    private final Optional<Spec> biasInitializer;
    private final Spec spec;
    private final Bound bound;
    /** The hot path's fields, {@code null} until bound. */
    private final Activation function;
    private final Tensor weights;
    private final Tensor bias;

    /** The tensors of a bound layer. */
    private record Bound(int index, Tensor weights, Tensor bias, List<Parameter> parameters) {
    }

    /** The unconfigured plugin, as discovery creates it; {@code units} must be given through a spec. */
    public DenseLayer() {
        this(OptionalInt.empty(), Optional.empty(), Spec.of("identity"), Optional.empty(), Optional.empty(), null);
    }

    private DenseLayer(OptionalInt units, Optional<Activation> activation, Spec activationSpec,
            Optional<Spec> initializer, Optional<Spec> biasInitializer, Bound bound) {
        this.units = units;
        this.activation = activation;
        this.activationSpec = activation.map(Activation::spec).orElse(activationSpec);
        this.initializer = initializer;
        this.biasInitializer = biasInitializer;
        this.bound = bound;
        this.function = activation.orElse(null);
        this.weights = bound == null ? null : bound.weights();
        this.bias = bound == null ? null : bound.bias();
        Map<String, String> arguments = new LinkedHashMap<>();
        units.ifPresent(value -> arguments.put("units", Integer.toString(value)));
        arguments.put("activation", this.activationSpec.toString());
        initializer.ifPresent(value -> arguments.put("init", value.toString()));
        biasInitializer.ifPresent(value -> arguments.put("bias_init", value.toString()));
        this.spec = new Spec(NAME, arguments);
    }

    /**
     * A bound layer over the given tensors, which it keeps (not copied): for code that assembles a network from
     * tensors it already has.
     *
     * @param index      1 for the first layer after the input
     * @param activation this layer's activation, bound to its units ({@link Activation#bind}); the layer lists its
     *                   parameters after the weights and bias
     * @param weights    {@code inputs x outputs}
     * @param bias       {@code 1 x outputs}
     */
    public DenseLayer(int index, Activation activation, Tensor weights, Tensor bias) {
        this(OptionalInt.of(weights.columns()), Optional.of(activation), activation.spec(), Optional.empty(),
                Optional.empty(), bound(index, activation, weights, bias));
    }

    /** A configured layer of {@code units} with the given activation instance (bound per place when built). */
    public static DenseLayer of(int units, Activation activation, Optional<Spec> initializer) {
        checkUnits(units);
        return new DenseLayer(OptionalInt.of(units), Optional.of(activation), activation.spec(), initializer,
                Optional.empty(), null);
    }

    /** A configured layer of {@code units} with the activation that {@code activation} names. */
    public static DenseLayer of(int units, Spec activation, Optional<Spec> initializer) {
        checkUnits(units);
        return new DenseLayer(OptionalInt.of(units), Optional.empty(), activation, initializer, Optional.empty(), null);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DenseLayer configure(Arguments arguments) {
        OptionalInt count = arguments.requiredInteger("units", 1);
        Spec function = arguments.spec("activation", "identity");
        Optional<Spec> init = arguments.optionalSpec("init", "the activation's recommendation");
        Optional<Spec> biasInit = arguments.optionalSpec("bias_init", Zeros.NAME);
        return new DenseLayer(count, Optional.empty(), function, init, biasInit, null);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public FeatureShape outputShape(FeatureShape input) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a dense layer needs its number of units, for example dense(units=64, "
                    + "activation=relu); got " + spec);
        }
        return FeatureShape.flat(units.getAsInt());
    }

    @Override
    public DenseLayer bind(LayerBinding binding) {
        int inputs = binding.input().size();
        int outputs = outputShape(binding.input()).size();
        Activation function = activation.orElseGet(() -> binding.activation(activationSpec));
        Fans fans = new Fans(inputs, outputs);
        Tensor weights = binding.draw(binding.weightInitializer(initializer, function.recommendedInitializer()),
                new Shape(inputs, outputs), fans);
        Tensor bias = binding.draw(biasInitializer.orElse(Spec.of(Zeros.NAME)), new Shape(1, outputs), fans);
        Activation own = function.bind(outputs, binding.backend(), binding.dtype());
        return new DenseLayer(units, Optional.of(own), activationSpec, initializer, biasInitializer,
                bound(binding.index(), own, weights, bias));
    }

    private static Bound bound(int index, Activation activation, Tensor weights, Tensor bias) {
        if (bias.rows() != 1 || bias.columns() != weights.columns()) {
            throw new IllegalArgumentException("layer " + index + ": bias is " + bias.shape() + " but must be 1x"
                    + weights.columns() + " for weights of " + weights.shape());
        }
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter(Layer.tensorName(index, "weights"), weights, Parameter.Kind.WEIGHT));
        all.add(new Parameter(Layer.tensorName(index, "bias"), bias, Parameter.Kind.BIAS));
        for (Parameter parameter : activation.parameters()) {
            all.add(new Parameter(Layer.tensorName(index, parameter.name()), parameter.value(), Parameter.Kind.OTHER));
        }
        return new Bound(index, weights, bias, List.copyOf(all));
    }

    private static void checkUnits(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one unit, got " + units);
        }
    }

    /** 1 for the first layer after the input. */
    public int index() {
        return bound().index();
    }

    /** Number of inputs (rows of the weights). */
    public int inputs() {
        return bound().weights().rows();
    }

    /** Number of units (columns of the weights). */
    public int outputs() {
        return bound().weights().columns();
    }

    /** This layer's activation: bound to its units once the layer is bound. */
    public Activation activation() {
        return activation.orElseThrow(() -> new IllegalStateException(spec + " names its activation by spec; bind "
                + "the layer first"));
    }

    /** The weights, {@code inputs x outputs}. */
    public Tensor weights() {
        return bound().weights();
    }

    /** The bias, {@code 1 x outputs}. */
    public Tensor bias() {
        return bound().bias();
    }

    /** The trainable parameters: weights, then bias, then the activation's own (named after this layer). */
    @Override
    public List<Parameter> parameters() {
        return bound == null ? List.of() : bound.parameters();
    }

    @Override
    public Optional<Activation> outputActivation() {
        return activation;
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        bound();
        return function.forward(preActivation(input, memory.tensor(Z, weights.columns())), output, context);
    }

    /**
     * Computes the pre-activation {@code out = input W + b}.
     *
     * @param input {@code batch x inputs}; not modified
     * @param out   {@code batch x outputs}; modified
     * @return {@code out}
     */
    public Tensor preActivation(Tensor input, Tensor out) {
        if (input.columns() != inputs()) {
            throw new IllegalArgumentException("layer " + index() + " (" + spec + ") expects " + inputs()
                    + " inputs per row but got " + input.shape());
        }
        return weights.backend().matmulBias(input, weights, bias, out);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        bound();
        Tensor z = memory.tensor(Z, weights.columns());
        function.backward(z, output, gradOutput, preActivationGradient(memory));
        if (parameterGradients.size() > 2) {
            function.parameterGradients(z, output, gradOutput,
                    parameterGradients.subList(2, parameterGradients.size()));
        }
        backwardFromPreActivation(input, gradInput, parameterGradients, memory);
    }

    @Override
    public Tensor preActivation(Tensor input, LayerMemory memory) {
        bound();
        return memory.tensor(Z, weights.columns());
    }

    @Override
    public Tensor preActivationGradient(LayerMemory memory) {
        bound();
        return memory.tensor(DELTA, weights.columns());
    }

    @Override
    public void backwardFromPreActivation(Tensor input, Optional<Tensor> gradInput, List<Tensor> parameterGradients,
            LayerMemory memory) {
        Tensor delta = preActivationGradient(memory);
        TensorBackend backend = weights.backend();
        backend.matmul(input, true, delta, false, parameterGradients.get(0));
        backend.reduce(ReduceOp.SUM, ReduceAxis.PER_COLUMN, delta, parameterGradients.get(1));
        if (gradInput.isPresent()) {
            backend.matmul(delta, false, weights, true, gradInput.get());
        }
    }

    /** {@code phi(input W + b)} for inference, in new tensors. */
    public Tensor forward(Tensor input) {
        Tensor z = preActivation(input, weights().newLike(new Shape(input.rows(), outputs())));
        return activation().forward(z);
    }

    private Bound bound() {
        if (bound == null) {
            throw new IllegalStateException(spec + " is configured but not bound to a place in a network; build a "
                    + "network with it first");
        }
        return bound;
    }

    @Override
    public String toString() {
        return bound == null ? spec.toString() : "dense " + inputs() + " -> " + outputs() + " " + activation().spec();
    }
}

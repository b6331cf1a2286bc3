package dev.chainrule.layers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Zeros;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A two-dimensional convolution with its own activation, channels-first (PyTorch's {@code Conv2d} followed by the
 * activation): weights {@code K} of shape {@code filters x (channels * kernel * kernel)} (PyTorch's
 * {@code filters x channels x kernel x kernel}, row-major), a bias {@code 1 x filters}.
 * <pre>
 * forward:   z[f][oh][ow] = b[f] + sum over c, kh, kw of K[f][c][kh][kw] x[c][oh*stride - pad + kh*dilation][...]
 *            a = phi(z)
 * backward:  dE/dz = phi.backward(z, a, dE/da)
 *            dK[f][c][kh][kw] = sum over examples and positions of dE/dz[f][oh][ow] x[c][ih][iw]
 *            db[f] = sum of dE/dz[f]          dE/dx = the transposed convolution of dE/dz with K
 * </pre>
 * Spec {@code conv2d(filters=32, kernel=3, stride=1, padding=valid, dilation=1, activation=identity, init=..., 
 * bias_init=zeros)}, the first five also by position ({@code conv2d(32, 3, padding=same)}); {@code padding} is
 * {@code valid} (none), {@code same} (the output keeps {@code ceil(size / stride)}) or a number of rows and columns
 * on every side. The weights' fans are {@code channels * kernel^2} in and {@code filters * kernel^2} out.
 */
@AutoService(Layer.class)
public final class Conv2d implements Layer {

    /** The registry name. */
    public static final String NAME = "conv2d";

    private static final int Z = 0;
    private static final int DELTA = 1;
    private static final String VALID = "valid";
    private static final String SAME = "same";

    private final Settings settings;
    private final Bound bound;

    /** What the spec says. */
    private record Settings(int filters, int kernel, int stride, String padding, int dilation, Spec activation,
            Optional<Spec> initializer, Optional<Spec> biasInitializer, Spec spec) {
    }

    /** The tensors and geometry of a bound layer. */
    private record Bound(Window2d window, Activation activation, Tensor weights, Tensor bias,
            List<Parameter> parameters) {
    }

    /** The unconfigured plugin; {@code filters} and {@code kernel} must be given through a spec. */
    public Conv2d() {
        this(null, null);
    }

    private Conv2d(Settings settings, Bound bound) {
        this.settings = settings;
        this.bound = bound;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Conv2d configure(Arguments arguments) {
        int filters = arguments.requiredInteger("filters", 1).orElse(0);
        int kernel = arguments.requiredInteger("kernel", 1).orElse(0);
        int stride = arguments.integer("stride", 1, 1);
        String padding = arguments.choiceOrInteger("padding", VALID, List.of(VALID, SAME), 0);
        int dilation = arguments.integer("dilation", 1, 1);
        Spec activation = arguments.spec("activation", "identity");
        Optional<Spec> init = arguments.optionalSpec("init", "the activation's recommendation");
        Optional<Spec> biasInit = arguments.optionalSpec("bias_init", Zeros.NAME);
        return new Conv2d(new Settings(filters, kernel, stride, padding, dilation, activation, init, biasInit,
                arguments.resolvedSpec()), null);
    }

    @Override
    public Spec spec() {
        return settings == null ? Spec.of(NAME) : settings.spec();
    }

    @Override
    public FeatureShape outputShape(FeatureShape input) {
        Window2d window = window(input);
        return new FeatureShape(settings.filters(), window.outHeight(), window.outWidth());
    }

    /** Where the kernel goes over examples shaped {@code input}; a kernel that does not fit is an error naming both. */
    private Window2d window(FeatureShape input) {
        if (settings == null || settings.filters() == 0 || settings.kernel() == 0) {
            throw new IllegalArgumentException("conv2d needs its filters and kernel, for example conv2d(filters=32, "
                    + "kernel=3, padding=same); got " + spec());
        }
        int k = settings.kernel();
        try {
            return switch (settings.padding()) {
                case SAME -> Window2d.same(input.channels(), input.height(), input.width(), k, k, settings.stride(),
                        settings.dilation());
                case VALID -> Window2d.of(input.channels(), input.height(), input.width(), k, k, settings.stride(), 0,
                        settings.dilation());
                default -> Window2d.of(input.channels(), input.height(), input.width(), k, k, settings.stride(),
                        Integer.parseInt(settings.padding()), settings.dilation());
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settings.spec() + " cannot take examples of " + describe(input) + ": "
                    + e.getMessage());
        }
    }

    static String describe(FeatureShape input) {
        return input.channels() + "x" + input.height() + "x" + input.width()
                + (input.isFlat() ? " (a flat vector; give the network an input shape such as 1x28x28)" : "");
    }

    @Override
    public Conv2d bind(LayerBinding binding) {
        Window2d window = window(binding.input());
        int filters = settings.filters();
        int taps = window.taps();
        int outputs = filters * window.positions();
        Activation function = binding.activation(settings.activation());
        Fans fans = new Fans(window.patchSize(), filters * taps);
        Tensor weights = binding.draw(binding.weightInitializer(settings.initializer(),
                function.recommendedInitializer()), new Shape(filters, window.patchSize()), fans);
        Tensor bias = binding.draw(settings.biasInitializer().orElse(Spec.of(Zeros.NAME)), new Shape(1, filters),
                fans);
        Activation own = function.bind(outputs, binding.backend(), binding.dtype());
        List<Parameter> all = new ArrayList<>();
        all.add(new Parameter(binding.tensorName("weights"), weights, Parameter.Kind.WEIGHT));
        all.add(new Parameter(binding.tensorName("bias"), bias, Parameter.Kind.BIAS));
        for (Parameter parameter : own.parameters()) {
            all.add(new Parameter(binding.tensorName(parameter.name()), parameter.value(), Parameter.Kind.OTHER));
        }
        return new Conv2d(settings, new Bound(window, own, weights, bias, List.copyOf(all)));
    }

    @Override
    public List<Parameter> parameters() {
        return bound == null ? List.of() : bound.parameters();
    }

    /** Where the kernel goes over an example; only once bound. */
    public Window2d window() {
        return bound().window();
    }

    @Override
    public Tensor forward(Tensor input, Tensor output, ForwardContext context, LayerMemory memory) {
        Bound own = bound();
        Tensor z = memory.tensor(Z, outputs());
        input.backend().conv2d(own.window(), input, own.weights(), own.bias(), z);
        return own.activation().forward(z, output, context);
    }

    @Override
    public void backward(Tensor input, Tensor output, Tensor gradOutput, Optional<Tensor> gradInput,
            List<Tensor> parameterGradients, LayerMemory memory) {
        Bound own = bound();
        Tensor z = memory.tensor(Z, output.columns());
        own.activation().backward(z, output, gradOutput, preActivationGradient(memory));
        if (parameterGradients.size() > 2) {
            own.activation().parameterGradients(z, output, gradOutput,
                    parameterGradients.subList(2, parameterGradients.size()));
        }
        backwardFromPreActivation(input, gradInput, parameterGradients, memory);
    }

    /** This layer's activation, bound to its outputs. */
    @Override
    public Optional<Activation> outputActivation() {
        return bound == null ? Optional.empty() : Optional.of(bound.activation());
    }

    @Override
    public Tensor preActivation(Tensor input, LayerMemory memory) {
        return memory.tensor(Z, outputs());
    }

    @Override
    public Tensor preActivationGradient(LayerMemory memory) {
        return memory.tensor(DELTA, outputs());
    }

    /** {@code dK}, {@code db} and {@code dE/dx} from {@code dE/dz} in {@link #preActivationGradient}. */
    @Override
    public void backwardFromPreActivation(Tensor input, Optional<Tensor> gradInput, List<Tensor> parameterGradients,
            LayerMemory memory) {
        Bound own = bound();
        TensorBackend backend = input.backend();
        Tensor delta = preActivationGradient(memory);
        backend.conv2dKernelGradient(own.window(), input, delta, parameterGradients.get(0),
                parameterGradients.get(1));
        if (gradInput.isPresent()) {
            backend.conv2dInputGradient(own.window(), delta, own.weights(), gradInput.get());
        }
    }

    private int outputs() {
        return settings.filters() * bound().window().positions();
    }

    private Bound bound() {
        if (bound == null) {
            throw new IllegalStateException(spec() + " is configured but not bound to a place in a network; build a "
                    + "network with it first");
        }
        return bound;
    }

    @Override
    public String toString() {
        return bound == null ? spec().toString() : spec() + " " + bound.window();
    }
}

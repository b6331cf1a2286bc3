package dev.chainrule.core.network;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Declares a network layer by layer: dense layers, each with its own activation, and any other layer plugin by spec.
 * Each layer is bound to its place when the network is built ({@link Layer#bind}: a layer or activation with
 * parameters gets fresh ones per place, even when one instance is given twice), and weights are drawn by initializer
 * plugins from a generator seeded on the Java side, one split per layer, so one seed gives the same initial network on
 * every backend.
 *
 * <pre>{@code
 * Network network = chainrule.network(784)
 *         .dense(256, "relu").layer("batch_norm").layer("dropout(rate=0.2)")
 *         .dense(128, "relu", "orthogonal")
 *         .dense(10, "softmax")
 *         .seed(7).build();
 * }</pre>
 *
 * Every layer's output shape is worked out before anything is allocated, so a layer that cannot take what the one
 * before gives is an error naming both.
 */
public final class NetworkBuilder {

    private final TensorBackend backend;
    private final Function<Spec, Activation> activations;
    private final Supplier<PluginRegistry<Layer>> layers;
    private final Supplier<PluginRegistry<Initializer>> initializers;
    private final FeatureShape input;
    private final List<Layer> plans = new ArrayList<>();
    private DType dtype = DType.FLOAT32;
    private long seed = 1;
    private Optional<Spec> initializer = Optional.empty();
    private Optional<Map.Entry<Long, String>> memoryLimit = Optional.empty();
    private boolean drawParameters = true;

    /**
     * A builder for a network whose examples look like {@code input}, with layers, activations and initializers from
     * the given registries (for example those of a {@code Plugins}).
     */
    public NetworkBuilder(TensorBackend backend, PluginRegistry<Layer> layers, PluginRegistry<Activation> activations,
            PluginRegistry<Initializer> initializers, FeatureShape input) {
        this(backend, activations::create, () -> layers, () -> initializers, input);
    }

    /**
     * A builder for a network with {@code inputs} features, resolving activations with {@code activations} (usually a
     * registry's {@code create}) and layers and initializers discovered on the context class loader.
     */
    public NetworkBuilder(TensorBackend backend, Function<String, Activation> activations, int inputs) {
        this(backend, spec -> activations.apply(spec.toString()), Discovered.LAYERS, Discovered.INITIALIZERS,
                FeatureShape.flat(inputs));
    }

    /**
     * A builder for a network whose examples look like {@code input}, resolving activations with {@code activations}
     * and layers and initializers discovered on the context class loader.
     */
    public NetworkBuilder(TensorBackend backend, Function<Spec, Activation> activations, FeatureShape input) {
        this(backend, activations, Discovered.LAYERS, Discovered.INITIALIZERS, input);
    }

    private NetworkBuilder(TensorBackend backend, Function<Spec, Activation> activations,
            Supplier<PluginRegistry<Layer>> layers, Supplier<PluginRegistry<Initializer>> initializers,
            FeatureShape input) {
        this.backend = backend;
        this.activations = activations;
        this.layers = once(layers);
        this.initializers = once(initializers);
        this.input = input;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Adds a dense layer of {@code units} with the activation that {@code activationSpec} names. */
    public NetworkBuilder dense(int units, String activationSpec) {
        return layer(DenseLayer.of(units, Spec.parse(activationSpec), Optional.empty()));
    }

    /** Adds a dense layer of {@code units} with the given activation. */
    public NetworkBuilder dense(int units, Activation activation) {
        return layer(DenseLayer.of(units, activation, Optional.empty()));
    }

    /** Adds a dense layer whose weights the initializer that {@code initializerSpec} names draws. */
    public NetworkBuilder dense(int units, String activationSpec, String initializerSpec) {
        return layer(DenseLayer.of(units, Spec.parse(activationSpec), Optional.of(Spec.parse(initializerSpec))));
    }

    /** Adds the layer that {@code spec} names, for example {@code dropout(rate=0.2)} or {@code batch_norm}. */
    public NetworkBuilder layer(String spec) {
        return layer(layers.get().create(spec));
    }

    /** Adds a configured layer; it is bound to its place when the network is built. */
    public NetworkBuilder layer(Layer layer) {
        plans.add(layer);
        return this;
    }

    /** The dtype of the parameters; {@code FLOAT32} unless set. */
    public NetworkBuilder dtype(DType value) {
        this.dtype = value;
        return this;
    }

    /** The seed of the weight initialisation; 1 unless set. */
    public NetworkBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** One weight initializer, by spec, for every layer that names none, instead of each activation's recommendation. */
    public NetworkBuilder initializer(String spec) {
        this.initializer = Optional.of(Spec.parse(spec));
        initializers.get().create(spec);
        return this;
    }

    /**
     * Builds the network with every parameter at zero instead of drawn, for a loader that assigns saved values next:
     * no initializer is resolved.
     */
    public NetworkBuilder withoutDrawingParameters() {
        this.drawParameters = false;
        return this;
    }

    /**
     * Limits the memory of the parameters and state of all layers together: a layer whose tensors would break it fails
     * the build before they are allocated, naming the layer, the tensor and the memory.
     *
     * @param bytes the limit
     * @param what  what the limit is, for the message, for example {@code "the 1.2 KB of values in model.crm"}
     */
    public NetworkBuilder memoryLimit(long bytes, String what) {
        this.memoryLimit = Optional.of(Map.entry(bytes, what));
        return this;
    }

    /** The network, with freshly drawn weights and freshly bound layers. */
    public Network build() {
        if (plans.isEmpty()) {
            throw new IllegalStateException("the network has no layers; add one with dense(units, activation)");
        }
        List<FeatureShape> shapes = new ArrayList<>();
        FeatureShape shape = input;
        for (int k = 1; k <= plans.size(); k++) {
            shapes.add(shape);
            Layer plan = plans.get(k - 1);
            try {
                shape = plan.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + k + " (" + plan.spec() + ") cannot take " + shape
                        + " inputs: " + e.getMessage(), e);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        Optional<Function<Spec, Initializer>> draw = drawParameters
                ? Optional.of(spec -> initializers.get().create(spec)) : Optional.empty();
        TensorBudget budget = memoryLimit.map(limit -> new TensorBudget(limit.getKey(), limit.getValue(), dtype))
                .orElseGet(() -> TensorBudget.unlimited(dtype));
        List<Layer> bound = new ArrayList<>();
        for (int k = 1; k <= plans.size(); k++) {
            LayerBinding binding = new LayerBinding(k, shapes.get(k - 1), backend, dtype, activations, draw,
                    initializer, random.split(), budget);
            Layer plan = plans.get(k - 1);
            try {
                bound.add(plan.bind(binding));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + k + " (" + plan.spec() + "): " + e.getMessage(), e);
            }
        }
        return new Network(backend, dtype, input, bound);
    }

    /** Layers and initializers found on the context class loader, for builders made without registries. */
    private static final class Discovered {
        static final Supplier<PluginRegistry<Layer>> LAYERS = () -> PluginRegistry.discover(Layer.class, loader());
        static final Supplier<PluginRegistry<Initializer>> INITIALIZERS =
                () -> PluginRegistry.discover(Initializer.class, loader());

        private static ClassLoader loader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : NetworkBuilder.class.getClassLoader();
        }
    }
}

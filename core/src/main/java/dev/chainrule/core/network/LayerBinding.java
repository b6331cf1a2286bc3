package dev.chainrule.core.network;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Where a layer is placed in a network, given to {@link Layer#bind}: its position, the shape of what it receives, the
 * backend and dtype of its tensors, and the means to create them: activations by spec, and parameter tensors drawn by
 * an initializer from a generator of this layer's own, split from the network's seed.
 *
 * <p>When a network is rebuilt to load saved values, {@link #draw} returns zeros without resolving the initializer:
 * the values are assigned next, so a model loads even where the initializer it was made with is not on the class path.
 * Both count their tensors against the network's {@link TensorBudget} before allocating them.
 */
public final class LayerBinding {

    private final int index;
    private final FeatureShape input;
    private final TensorBackend backend;
    private final DType dtype;
    private final Function<Spec, Activation> activations;
    private final Optional<Function<Spec, Initializer>> initializers;
    private final Optional<Spec> networkInitializer;
    private final SplittableRandom random;
    private final TensorBudget budget;

    /**
     * A binding.
     *
     * @param index              1 for the first layer after the input
     * @param input              what each example looks like when it reaches the layer
     * @param activations        creates a configured activation from its spec
     * @param initializers       creates an initializer from its spec; empty when the parameters will be loaded, so
     *                           that {@link #draw} gives zeros
     * @param networkInitializer the weight initializer the network builder was given for every layer that names none
     * @param random             this layer's generator, split from the network's seed; advanced by {@link #draw}
     */
    public LayerBinding(int index, FeatureShape input, TensorBackend backend, DType dtype,
            Function<Spec, Activation> activations, Optional<Function<Spec, Initializer>> initializers,
            Optional<Spec> networkInitializer, SplittableRandom random) {
        this(index, input, backend, dtype, activations, initializers, networkInitializer, random,
                TensorBudget.unlimited(dtype));
    }

    /**
     * A binding whose {@link #draw} and {@link #filled} count every tensor against {@code budget} before creating it.
     */
    public LayerBinding(int index, FeatureShape input, TensorBackend backend, DType dtype,
            Function<Spec, Activation> activations, Optional<Function<Spec, Initializer>> initializers,
            Optional<Spec> networkInitializer, SplittableRandom random, TensorBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.index = index;
        this.input = Objects.requireNonNull(input, "input");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.activations = Objects.requireNonNull(activations, "activations");
        this.initializers = Objects.requireNonNull(initializers, "initializers");
        this.networkInitializer = Objects.requireNonNull(networkInitializer, "networkInitializer");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** 1 for the first layer after the input. */
    public int index() {
        return index;
    }

    /** What each example looks like when it reaches the layer. */
    public FeatureShape input() {
        return input;
    }

    /** The backend of the layer's tensors. */
    public TensorBackend backend() {
        return backend;
    }

    /** The dtype of the layer's tensors. */
    public DType dtype() {
        return dtype;
    }

    /**
     * The name of one of the layer's tensors in parameter lists, messages and model files: {@code layer 2 gamma} for
     * {@code local = "gamma"}.
     */
    public String tensorName(String local) {
        return Layer.tensorName(index, local);
    }

    /** The configured (not yet bound) activation that {@code spec} names. */
    public Activation activation(Spec spec) {
        return activations.apply(spec);
    }

    /**
     * The initializer for a layer's weights: the layer's own if it names one, else the one the network builder was
     * given for every layer, else {@code recommended} (a dense layer passes its activation's recommendation).
     */
    public Spec weightInitializer(Optional<Spec> own, Spec recommended) {
        return own.or(() -> networkInitializer).orElse(recommended);
    }

    /**
     * A new tensor of {@code shape} filled by the initializer that {@code initializer} names, drawing from this layer's
     * generator (so a layer's tensors are drawn in the order it asks for them); zeros when the network is being
     * rebuilt for loading.
     *
     * @param fans the tensor's fan-in and fan-out, which scaled initializers divide by
     */
    public Tensor draw(Spec initializer, Shape shape, Fans fans) {
        budget.reserve(index, shape);
        if (initializers.isEmpty()) {
            return backend.zeros(dtype, shape);
        }
        double[] values = initializers.get().apply(initializer).values(shape, fans, random);
        if (values.length != shape.size()) {
            throw new IllegalStateException("initializer " + initializer + " gave " + values.length + " values for a "
                    + shape + " tensor of layer " + index);
        }
        return backend.fromArray(dtype, shape, values);
    }

    /** A new tensor of {@code shape} with every element {@code value}. */
    public Tensor filled(Shape shape, double value) {
        budget.reserve(index, shape);
        return backend.fill(value, backend.zeros(dtype, shape));
    }
}

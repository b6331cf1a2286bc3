package dev.chainrule.core.network;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Declares a network layer by layer. Each layer gets its own activation, by spec or instance, bound to that layer
 * ({@link Activation#bind}: an activation with parameters gets fresh ones per layer, even when one instance is given
 * to several layers), and its weights are drawn from a generator seeded on the Java side, so one seed gives the same
 * initial network on every backend.
 *
 * <pre>{@code
 * Network network = chainrule.network(64)
 *         .dense(32, "tanh").dense(32, "sigmoid").dense(32, "relu").dense(10, "softmax")
 *         .seed(7).build();
 * }</pre>
 */
public final class NetworkBuilder {

    private record LayerPlan(int units, Activation activation, Optional<WeightInitialization> initialization) {
    }

    private final TensorBackend backend;
    private final Function<String, Activation> activations;
    private final int inputs;
    private final List<LayerPlan> plans = new ArrayList<>();
    private DType dtype = DType.FLOAT32;
    private long seed = 1;
    private Optional<WeightInitialization> initialization = Optional.empty();

    /**
     * A builder for a network with {@code inputs} features.
     *
     * @param backend     where the parameters will live
     * @param activations resolves an activation spec, usually the registry's {@code create}
     * @param inputs      number of input features
     */
    public NetworkBuilder(TensorBackend backend, Function<String, Activation> activations, int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputs);
        }
        this.backend = backend;
        this.activations = activations;
        this.inputs = inputs;
    }

    /** Adds a dense layer of {@code units} with the activation that {@code activationSpec} names. */
    public NetworkBuilder dense(int units, String activationSpec) {
        return dense(units, activations.apply(activationSpec));
    }

    /** Adds a dense layer of {@code units} with the given activation. */
    public NetworkBuilder dense(int units, Activation activation) {
        return add(units, activation, Optional.empty());
    }

    /** Adds a dense layer with an explicit weight initialisation. */
    public NetworkBuilder dense(int units, String activationSpec, WeightInitialization layerInitialization) {
        return add(units, activations.apply(activationSpec), Optional.of(layerInitialization));
    }

    private NetworkBuilder add(int units, Activation activation, Optional<WeightInitialization> layerInitialization) {
        if (units < 1) {
            throw new IllegalArgumentException("layer " + (plans.size() + 1) + " needs at least one unit, got " + units);
        }
        plans.add(new LayerPlan(units, activation, layerInitialization));
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

    /** One initialisation for every layer that names none, instead of each activation's recommendation. */
    public NetworkBuilder initialization(WeightInitialization value) {
        this.initialization = Optional.of(value);
        return this;
    }

    /** The network, with freshly drawn weights, zero biases and freshly bound activations. */
    public Network build() {
        if (plans.isEmpty()) {
            throw new IllegalStateException("the network has no layers; add one with dense(units, activation)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = inputs;
        for (LayerPlan plan : plans) {
            WeightInitialization scheme = plan.initialization()
                    .or(() -> initialization)
                    .orElseGet(() -> plan.activation().recommendedInitialization());
            double[] weights = scheme.weights(fanIn, plan.units(), random.split());
            Activation activation = plan.activation().bind(plan.units(), backend, dtype);
            layers.add(new DenseLayer(layers.size() + 1, activation,
                    backend.fromArray(dtype, new Shape(fanIn, plan.units()), weights),
                    backend.zeros(dtype, new Shape(1, plan.units()))));
            fanIn = plan.units();
        }
        return new Network(layers);
    }
}

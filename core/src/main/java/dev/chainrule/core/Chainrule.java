package dev.chainrule.core;

import com.google.inject.Guice;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.wiring.ChainruleModule;
import dev.chainrule.core.wiring.Plugins;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The entry point for applications: the chosen backend, the discovered plugins and the trainer, with shortcuts that
 * take spec strings.
 *
 * <pre>{@code
 * Chainrule chainrule = Chainrule.create();
 * Network network = chainrule.network(64)
 *         .dense(32, "tanh").dense(32, "sigmoid").dense(32, "relu").dense(10, "softmax")
 *         .build();
 * chainrule.trainer().fit(network, data,
 *         chainrule.training("categorical_cross_entropy", "sgd(lr=0.1, momentum=0.9)").epochs(20).build());
 * }</pre>
 */
public final class Chainrule {

    private final TensorBackend backend;
    private final Plugins plugins;
    private final Trainer trainer;

    /** Wiring by Guice; applications call {@link #create()}. */
    @Inject
    public Chainrule(TensorBackend backend, Plugins plugins, Trainer trainer) {
        this.backend = backend;
        this.plugins = plugins;
        this.trainer = trainer;
    }

    /** Chainrule on the backend chosen by system property, environment variable or priority. */
    public static Chainrule create() {
        return Guice.createInjector(new ChainruleModule(Optional.empty())).getInstance(Chainrule.class);
    }

    /** Chainrule on the named backend. */
    public static Chainrule create(String backendName) {
        return Guice.createInjector(new ChainruleModule(Optional.of(backendName))).getInstance(Chainrule.class);
    }

    /**
     * Chainrule with plugins the application discovered itself, for example from jars it loads with its own class
     * loader ({@link Plugins#discover(ClassLoader, dev.chainrule.core.plugin.PluginVerification)}), on the backend
     * named by {@code backendName} or else chosen by system property, environment variable and priority.
     */
    public static Chainrule create(Plugins plugins, Optional<String> backendName) {
        return Guice.createInjector(new ChainruleModule(backendName, plugins)).getInstance(Chainrule.class);
    }

    /** The backend in use. */
    public TensorBackend backend() {
        return backend;
    }

    /** The discovered plugins. */
    public Plugins plugins() {
        return plugins;
    }

    /** The trainer. */
    public Trainer trainer() {
        return trainer;
    }

    /** The activation that {@code spec} names, for example {@code leaky_relu(alpha=0.2)}. */
    public Activation activation(String spec) {
        return plugins.activations().create(spec);
    }

    /** The loss that {@code spec} names. */
    public Loss loss(String spec) {
        return plugins.losses().create(spec);
    }

    /** The optimizer that {@code spec} names, for example {@code sgd(lr=0.1, momentum=0.9)}. */
    public Optimizer optimizer(String spec) {
        return plugins.optimizers().create(spec);
    }

    /** The learning-rate schedule that {@code spec} names, for example {@code cosine(t_max=1000)}. */
    public LearningRateSchedule schedule(String spec) {
        return plugins.schedules().create(spec);
    }

    /** The layer that {@code spec} names, configured but not yet placed in a network, for example {@code dropout(0.2)}. */
    public Layer layer(String spec) {
        return plugins.layers().create(spec);
    }

    /** The weight initializer that {@code spec} names, for example {@code orthogonal(gain=1.4)}. */
    public Initializer initializer(String spec) {
        return plugins.initializers().create(spec);
    }

    /** A builder for a network with {@code inputs} features on this backend. */
    public NetworkBuilder network(int inputs) {
        return network(FeatureShape.flat(inputs));
    }

    /** A builder for a network whose examples look like {@code input} (channels x height x width) on this backend. */
    public NetworkBuilder network(FeatureShape input) {
        return new NetworkBuilder(backend, plugins.layers(), plugins.activations(), plugins.initializers(), input);
    }

    /** A training configuration builder for the loss and optimizer that the specs name. */
    public TrainingConfig.Builder training(String lossSpec, String optimizerSpec) {
        return TrainingConfig.builder(loss(lossSpec), optimizer(optimizerSpec));
    }

    /** A tensor on this backend holding {@code rows}. */
    public Tensor tensor(DType dtype, double[][] rows) {
        int columns = rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values but row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return backend.fromArray(dtype, new Shape(rows.length, columns), flat);
    }

    /** Saves {@code network} to a model file at {@code path}, atomically (see {@link ModelFile}). */
    public void save(Network network, Path path) throws IOException {
        ModelFile.save(network, path);
    }

    /**
     * Loads a model file onto this backend; a layer or activation it names that is not on the class path is a
     * {@link dev.chainrule.core.io.ModelFileException} that names it.
     */
    public SavedModel load(Path path) throws IOException {
        return ModelFile.load(path, backend, plugins);
    }
}

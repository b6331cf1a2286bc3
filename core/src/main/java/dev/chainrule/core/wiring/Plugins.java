package dev.chainrule.core.wiring;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.gradcheck.PluginVerifier;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.plugin.PluginVerification;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every discovered plugin, one registry per kind. A jar on the class path whose {@code META-INF/services} names an
 * implementation is all it takes to appear here; so is a jar that an application loads itself:
 * <pre>{@code
 * URLClassLoader jars = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()}, Chainrule.class.getClassLoader());
 * Plugins plugins = Plugins.discover(jars, PluginVerification.STRICT);
 * plugins.failures().forEach(System.err::println);       // providers that failed to load, or were refused
 * Chainrule chainrule = Chainrule.create(plugins, Optional.empty());
 * }</pre>
 *
 * @param activations the activations
 * @param losses      the losses
 * @param optimizers  the optimizers
 * @param backends    the tensor backends
 * @param schedules    the learning-rate schedules
 * @param layers       the layers
 * @param initializers the weight initializers
 */
public record Plugins(PluginRegistry<Activation> activations, PluginRegistry<Loss> losses,
        PluginRegistry<Optimizer> optimizers, PluginRegistry<TensorBackend> backends,
        PluginRegistry<LearningRateSchedule> schedules, PluginRegistry<Layer> layers,
        PluginRegistry<Initializer> initializers) {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    /** Discovers every plugin visible to {@code classLoader}, registering every one that loads. */
    public static Plugins discover(ClassLoader classLoader) {
        return discover(classLoader, PluginVerification.NONE);
    }

    /**
     * Discovers every plugin visible to {@code classLoader}; under {@link PluginVerification#STRICT}, an activation,
     * loss or layer whose derivative fails a finite-difference probe ({@link PluginVerifier}) is refused.
     */
    public static Plugins discover(ClassLoader classLoader, PluginVerification verification) {
        PluginRegistry<TensorBackend> backends = PluginRegistry.discover(TensorBackend.class, classLoader);
        Optional<PluginVerifier> verifier = verification == PluginVerification.STRICT ? verifier(backends)
                : Optional.empty();
        Function<Activation, Optional<String>> activationCheck = activation -> verifier
                .flatMap(probe -> probe.problem(activation));
        Function<Loss, Optional<String>> lossCheck = loss -> verifier.flatMap(probe -> probe.problem(loss));
        PluginRegistry<Activation> activations = PluginRegistry.discover(Activation.class, classLoader,
                activationCheck);
        PluginRegistry<Initializer> initializers = PluginRegistry.discover(Initializer.class, classLoader);
        Function<Layer, Optional<String>> layerCheck = layer -> verifier
                .flatMap(probe -> probe.problem(layer, activations::create, initializers::create));
        return new Plugins(activations,
                PluginRegistry.discover(Loss.class, classLoader, lossCheck),
                PluginRegistry.discover(Optimizer.class, classLoader),
                backends,
                PluginRegistry.discover(LearningRateSchedule.class, classLoader),
                PluginRegistry.discover(Layer.class, classLoader, layerCheck),
                initializers);
    }

    /** Every provider that was found but could not be loaded, or was refused, across all kinds. */
    public List<String> failures() {
        return Stream.of(activations, losses, optimizers, backends, schedules, layers, initializers)
                .flatMap(registry -> registry.failures().stream()).toList();
    }

    /** A verifier on the usable backend with the highest priority; none (and a warning) if no backend can start. */
    private static Optional<PluginVerifier> verifier(PluginRegistry<TensorBackend> backends) {
        Optional<TensorBackend> backend = backends.entries().stream().map(PluginEntry::plugin)
                .sorted(Comparator.comparingInt(TensorBackend::priority).reversed()
                        .thenComparing(TensorBackend::name))
                .filter(candidate -> candidate.availability().usable())
                .findFirst();
        if (backend.isEmpty()) {
            LOG.warn("plugin verification skipped: no tensor backend can start to run it");
        }
        return backend.map(chosen -> new PluginVerifier(chosen, PluginVerifier.DEFAULT_TOLERANCE,
                PluginVerifier.DEFAULT_SEED));
    }
}

package dev.chainrule.core.plugin;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;

/**
 * Every discovered plugin, one registry per kind. A jar on the class path whose {@code META-INF/services} names an
 * implementation is all it takes to appear here.
 *
 * @param activations the activations
 * @param losses      the losses
 * @param optimizers  the optimizers
 * @param backends    the tensor backends
 * @param schedules   the learning-rate schedules
 */
public record Plugins(PluginRegistry<Activation> activations, PluginRegistry<Loss> losses,
        PluginRegistry<Optimizer> optimizers, PluginRegistry<TensorBackend> backends,
        PluginRegistry<LearningRateSchedule> schedules) {

    /** Discovers every plugin visible to {@code classLoader}. */
    public static Plugins discover(ClassLoader classLoader) {
        return new Plugins(PluginRegistry.discover(Activation.class, classLoader),
                PluginRegistry.discover(Loss.class, classLoader),
                PluginRegistry.discover(Optimizer.class, classLoader),
                PluginRegistry.discover(TensorBackend.class, classLoader),
                PluginRegistry.discover(LearningRateSchedule.class, classLoader));
    }

    /** Every provider that was found but could not be loaded, across all kinds. */
    public List<String> failures() {
        return java.util.stream.Stream.of(activations, losses, optimizers, backends, schedules)
                .flatMap(registry -> registry.failures().stream()).toList();
    }
}

package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.wiring.Plugins;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;

/**
 * The plugins an executor sees: discovered by {@link java.util.ServiceLoader} from the task's context class loader,
 * which holds the application jar and every jar shipped with {@code --jars}; discovered once per set of jars.
 */
final class ExecutorPlugins {

    private static final Map<String, Chainrule> BY_JARS = new ConcurrentHashMap<>();

    private ExecutorPlugins() {
    }

    /** Chainrule on this executor, with the plugins of the current task's class loader and the named backend. */
    static Chainrule chainrule(String backend) {
        ClassLoader loader = loader();
        String key = backend + "@" + System.identityHashCode(loader)
                + (loader instanceof URLClassLoader urls ? Arrays.toString(urls.getURLs()) : "");
        return BY_JARS.computeIfAbsent(key,
                ignored -> Chainrule.create(Plugins.discover(loader), Optional.of(backend)));
    }

    /** The requirements this executor does not meet, as messages naming the plugin and the jar to ship. */
    static List<String> missing(List<PluginRequirement> requirements) {
        Plugins plugins = Plugins.discover(loader());
        String executor = executorId();
        List<String> missing = new ArrayList<>();
        for (PluginRequirement requirement : requirements) {
            if (!requirement.metBy(registry(plugins, requirement.kind()))) {
                missing.add(requirement.missingMessage(executor));
            }
        }
        return missing;
    }

    /** Throws a {@link MissingPluginException} if this executor lacks any of {@code requirements}. */
    static void require(List<PluginRequirement> requirements) {
        List<String> missing = missing(requirements);
        if (!missing.isEmpty()) {
            throw new MissingPluginException(String.join("; ", missing));
        }
    }

    private static PluginRegistry<?> registry(Plugins plugins, String kind) {
        return switch (kind) {
            case "Activation" -> plugins.activations();
            case "Layer" -> plugins.layers();
            case "Loss" -> plugins.losses();
            case "Optimizer" -> plugins.optimizers();
            case "LearningRateSchedule" -> plugins.schedules();
            case "TensorBackend" -> plugins.backends();
            case "Initializer" -> plugins.initializers();
            default -> throw new IllegalArgumentException("unknown plugin kind " + kind);
        };
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ExecutorPlugins.class.getClassLoader();
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "(no Spark environment)" : env.executorId();
    }
}

package dev.chainrule.spark;

import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import java.io.Serializable;

/**
 * A plugin that the executors need, as the driver found it: its kind ({@code Activation}, {@code Layer}, ...), its
 * registry name, and the jar (or folder) the driver loaded it from, which is the jar to ship when an executor lacks it.
 *
 * @param kind   the simple name of the plugin's SPI
 * @param name   the registry name
 * @param origin where the driver loaded it from
 */
record PluginRequirement(String kind, String name, String origin) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The requirement of the plugin {@code name} as {@code registry} on the driver has it. */
    static <T extends Plugin> PluginRequirement of(PluginRegistry<T> registry, String name) {
        PluginEntry<T> entry = registry.entry(name);
        return new PluginRequirement(registry.kind().getSimpleName(), name, entry.origin());
    }

    /** Whether {@code registry} (of this requirement's kind) has the plugin. */
    boolean metBy(PluginRegistry<?> registry) {
        return registry.find(name).isPresent();
    }

    /** The error when an executor lacks the plugin. */
    String missingMessage(String executor) {
        String origin = readable(this.origin);
        return kind.toLowerCase(java.util.Locale.ROOT) + " plugin '" + name + "' is not on the class path of executor "
                + executor + "; the driver loaded it from " + origin + ": ship that jar with spark-submit --jars "
                + origin + " (or SparkContext.addJar)";
    }

    /** A file URL as a path, which is what {@code --jars} is usually given; anything else as it is. */
    private static String readable(String origin) {
        try {
            return origin.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(origin)).toString() : origin;
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }
}

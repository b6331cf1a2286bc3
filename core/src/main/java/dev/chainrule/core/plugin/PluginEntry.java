package dev.chainrule.core.plugin;

import java.security.CodeSource;
import java.util.Map;

/**
 * A discovered plugin: its default instance and where its class came from.
 *
 * @param plugin the instance built with the no-argument constructor
 * @param <T>    the plugin kind
 */
public record PluginEntry<T extends Plugin>(T plugin) {

    /** The jar or folder that the plugin's class was loaded from. */
    public String origin() {
        return origin(plugin.getClass());
    }

    /** The parameters the plugin reads, with their defaults, in the order it reads them. */
    public Map<String, String> parameterDefaults() {
        Arguments arguments = Arguments.defaults(plugin.name());
        plugin.configure(arguments);
        return arguments.parameterDefaults();
    }

    String describe() {
        return plugin.getClass().getName() + " (from " + origin() + ")";
    }

    static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the platform" : source.getLocation().toString();
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.plugin.PluginVerification;
import dev.chainrule.core.wiring.Plugins;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugins} and {@code --verify-plugins} options: where plugins come from, and how far to trust them. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load the plugins of every jar in DIR, besides those on the class path.")
    Path directory;

    @Option(names = "--verify-plugins",
            description = "Probe the derivative of every activation, loss and layer by finite differences when loading, and "
                    + "refuse (with a warning saying by how much) the ones that are wrong.")
    boolean verify;

    private List<String> unreadableJars = List.of();

    /** Every plugin on the class path and, with {@code --plugins}, in the readable jars of the folder. */
    Plugins discover() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = context != null ? context : PluginOptions.class.getClassLoader();
        ClassLoader loader = parent;
        if (directory != null) {
            PluginJars jars = PluginJars.open(directory, parent);
            loader = jars.loader();
            unreadableJars = jars.unreadable();
        }
        return Plugins.discover(loader, verify ? PluginVerification.STRICT : PluginVerification.NONE);
    }

    /** The jars of the last {@link #discover} that could not be read, each with its reason. */
    List<String> unreadableJars() {
        return unreadableJars;
    }
}

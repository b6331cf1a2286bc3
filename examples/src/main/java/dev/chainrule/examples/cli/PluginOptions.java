package dev.chainrule.examples.cli;

import dev.chainrule.core.plugin.PluginVerification;
import dev.chainrule.core.wiring.Plugins;
import java.nio.file.Path;
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

    /** Every plugin on the class path and, with {@code --plugins}, in the jars of the folder. */
    Plugins discover() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = context != null ? context : PluginOptions.class.getClassLoader();
        ClassLoader loader = directory == null ? parent : PluginJars.classLoader(directory, parent);
        return Plugins.discover(loader, verify ? PluginVerification.STRICT : PluginVerification.NONE);
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.Plugins;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Lists every discovered plugin: activations, losses, optimizers, learning-rate schedules, layers, weight initializers
 * and backends, each with its parameters and their defaults, its aliases and the jar it came from, and for backends
 * whether they can start here.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every discovered activation, loss, optimizer, schedule, layer, initializer and backend with "
                + "its parameters and defaults, aliases and the jar it came from; for backends, whether it can start here; and every "
                + "provider that could not be loaded, with its class, jar and reason.")
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private PluginOptions options = new PluginOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = options.discover();
        section(out, "activations", plugins.activations());
        section(out, "losses", plugins.losses());
        section(out, "optimizers", plugins.optimizers());
        section(out, "schedules", plugins.schedules());
        section(out, "layers", plugins.layers());
        section(out, "initializers", plugins.initializers());
        out.printf("backends (%d)%n", plugins.backends().entries().size());
        TextTable backends = new TextTable("name", "priority", "available", "parameters", "aliases", "from");
        for (PluginEntry<TensorBackend> entry : plugins.backends().entries()) {
            TensorBackend backend = entry.plugin();
            BackendAvailability availability = backend.availability();
            backends.row(backend.name(), backend.priority(),
                    availability.usable() ? "yes" : "no: " + availability.reason(), parameters(entry),
                    aliases(backend), Origins.shorten(entry.origin()));
        }
        out.print(indent(backends.text()));
        List<String> failures = new ArrayList<>(options.unreadableJars());
        failures.addAll(plugins.failures());
        if (!failures.isEmpty()) {
            out.println();
            out.println("providers that could not be loaded" + (options.verify ? " or were refused:" : ":"));
            failures.forEach(failure -> out.println("  " + failure));
        }
        return 0;
    }

    private static <T extends Plugin> void section(PrintWriter out, String title, PluginRegistry<T> registry) {
        out.printf("%s (%d)%n", title, registry.entries().size());
        TextTable table = new TextTable("name", "parameters (defaults)", "aliases", "from");
        for (PluginEntry<T> entry : registry.entries()) {
            table.row(entry.plugin().name(), parameters(entry), aliases(entry.plugin()),
                    Origins.shorten(entry.origin()));
        }
        out.print(indent(table.text()));
        out.println();
    }

    private static String parameters(PluginEntry<?> entry) {
        Map<String, String> defaults = entry.parameterDefaults();
        return defaults.isEmpty() ? "-" : defaults.entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue()).collect(Collectors.joining(", "));
    }

    private static String aliases(Plugin plugin) {
        return plugin.aliases().isEmpty() ? "-" : plugin.aliases().stream().sorted().collect(Collectors.joining(", "));
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).collect(Collectors.joining("\n", "", "\n"));
    }
}

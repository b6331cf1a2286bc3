package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.wiring.Plugins;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

    @Test
    void listsEveryPluginWithParametersAliasesOriginAndAvailability() {
        Cli.Run run = Cli.run("plugins").succeeded();
        Plugins plugins = Plugins.discover(getClass().getClassLoader());
        plugins.activations().names().forEach(name -> assertTrue(run.out().contains("  " + name + " "), name));
        plugins.losses().names().forEach(name -> assertTrue(run.out().contains("  " + name + " "), name));
        plugins.optimizers().names().forEach(name -> assertTrue(run.out().contains("  " + name + " "), name));
        plugins.backends().names().forEach(name -> assertTrue(run.out().contains("  " + name + " "), name));
        assertTrue(run.out().contains("activations (" + plugins.activations().names().size() + ")"), run.out());
        assertTrue(run.out().contains("lr=0.01, momentum=0.0"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  identity [^\\n]* linear [^\\n]*\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*plain +10 +yes .*"), run.out());
        assertTrue(run.out().contains("chainrule-activations") || run.out().contains("activations/target/classes"),
                run.out());
    }
}

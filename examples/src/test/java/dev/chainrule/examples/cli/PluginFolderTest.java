package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plugins DIR} loads every jar of a folder beside the class path; {@code --verify-plugins} vets them. */
class PluginFolderTest {

    @TempDir
    Path folder;

    @Test
    void trainUsesAnActivationFromAPluginFolderAndOnlyThatFolderLoadsTheModelAgain() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        PluginSources.halvingWithBrokenProviders(plugins);
        Path out = folder.resolve("run");
        Cli.Run run = Cli.run("train", "--plugins", plugins.toString(), "--dataset", "iris", "--layers", "6:halving",
                "--epochs", "2", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("4 inputs -> 6 halving -> 3 softmax"), run.out());

        String model = out.resolve("model.crm").toString();
        Cli.run("evaluate", "--plugins", plugins.toString(), "--model", model).succeeded();
        Cli.Run without = Cli.run("evaluate", "--model", model).failed(1);
        assertTrue(without.err().contains("halving"), without.err());
    }

    @Test
    void pluginsListsWhereEachCameFromAndEveryProviderThatFailedWithItsClassAndJar() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Path jar = PluginSources.halvingWithBrokenProviders(plugins);
        Cli.Run run = Cli.run("plugins", "--plugins", plugins.toString()).succeeded();
        String where = jar.toAbsolutePath().toString();
        assertTrue(run.out().matches("(?s).*\\n  halving +- +- +" + java.util.regex.Pattern.quote(where) + "\\n.*"),
                run.out());
        assertTrue(run.out().contains("providers that could not be loaded:\n"
                + "  org.example.cli.Exploding from file:" + where + ": dev.chainrule.core.activation.Activation: "
                + "Provider org.example.cli.Exploding could not be instantiated (caused by IllegalStateException: no "
                + "licence key)\n"
                + "  org.example.cli.Missing from file:" + where + ": dev.chainrule.core.activation.Activation: "
                + "Provider org.example.cli.Missing not found\n"), run.out());
    }

    @Test
    void aJarThatTakesABuiltInNameIsAnErrorNamingBothClassesAndJars() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Path jar = PluginSources.clashingTanh(plugins);
        Cli.Run run = Cli.run("train", "--plugins", plugins.toString(), "--dataset", "iris", "--epochs", "1",
                "--out-dir", folder.resolve("run").toString()).failed(1);
        assertTrue(run.err().startsWith("error: two Activation plugins claim the name 'tanh': "
                + "dev.chainrule.activations.Tanh (from "), run.err());
        assertTrue(run.err().contains(") and org.example.cli.FastTanh (from file:" + jar.toAbsolutePath()
                + "); remove one of them from the class path"), run.err());
    }

    @Test
    void verifyPluginsRefusesAWrongDerivativeSayingByHowMuch() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        PluginSources.steep(plugins);
        Cli.run("train", "--plugins", plugins.toString(), "--dataset", "iris", "--layers", "4:steep", "--epochs", "1",
                "--out-dir", folder.resolve("trusting").toString()).succeeded();

        Cli.Run refused = Cli.run("train", "--plugins", plugins.toString(), "--verify-plugins", "--dataset", "iris",
                "--layers", "4:steep", "--epochs", "1", "--out-dir", folder.resolve("strict").toString()).failed(2);
        assertTrue(refused.err().startsWith("error: layer 1 (dense(units=4, activation=steep)): activation 'steep' is on the class path but was not registered: "
                + "refused activation 'steep': its derivative is wrong: gradient check of activation steep: max error "),
                refused.err());
        assertTrue(refused.err().matches("(?s).*analytical \\S+, numerical \\S+ .*exceeds the tolerance 1\\.0e-06.*"),
                refused.err());

        Cli.Run listed = Cli.run("plugins", "--plugins", plugins.toString(), "--verify-plugins").succeeded();
        assertTrue(listed.out().contains("providers that could not be loaded or were refused:\n"
                + "  org.example.cli.Steep from file:"), listed.out());
        assertTrue(!listed.out().contains("\n  steep "), listed.out());
    }

    @Test
    void gradcheckChecksThePluginsOfTheFolder() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        PluginSources.steep(plugins);
        Cli.Run run = Cli.run("gradcheck", "--plugins", plugins.toString()).failed(1);
        assertTrue(run.out().contains("FAIL: activation steep at row"), run.out());
    }

    @Test
    void aMissingOrJarlessFolderIsAUsageError() throws IOException {
        Cli.Run missing = Cli.run("plugins", "--plugins", folder.resolve("nowhere").toString()).failed(2);
        assertTrue(missing.err().startsWith("error: --plugins " + folder.resolve("nowhere") + ": no such directory"),
                missing.err());
        Cli.Run empty = Cli.run("train", "--plugins", folder.toString()).failed(2);
        assertTrue(empty.err().startsWith("error: --plugins " + folder + " holds no .jar file"), empty.err());
    }
}

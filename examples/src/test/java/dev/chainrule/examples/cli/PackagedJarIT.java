package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.wiring.Plugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar, {@code examples/target/chainrule.jar}, as a user does; failsafe runs it after
 * {@code package}, so {@code mvn verify} proves that the jar's merged plugin registrations find every built-in.
 */
class PackagedJarIT {

    @TempDir
    Path folder;

    @Test
    void pluginsFindsEveryBuiltInThroughTheMergedRegistrations() throws Exception {
        Result result = java("plugins");
        assertEquals(0, result.code(), result.err());
        Plugins expected = Plugins.discover(getClass().getClassLoader());
        List<String> names = Stream.of(expected.activations().names(), expected.losses().names(),
                expected.optimizers().names(), expected.backends().names()).flatMap(List::stream).toList();
        assertTrue(names.size() >= 10, "built-ins on the test class path: " + names);
        for (String name : names) {
            assertTrue(result.out().contains("  " + name + " "), name + " is missing from the jar's plugins:\n"
                    + result.out());
        }
        assertTrue(result.out().contains("chainrule.jar"), result.out());
    }

    @Test
    void theJarTrainsOnEmbeddedDataAndReportsBadUsageWithExitCodeTwo() throws Exception {
        Result trained = java("train", "--dataset", "iris", "--layers", "4:tanh", "--epochs", "2", "--out-dir",
                folder.toString());
        assertEquals(0, trained.code(), trained.err());
        assertEquals("", trained.err(), "nothing but errors goes to standard error");
        assertTrue(Files.size(folder.resolve("model.crm")) > 0);

        Result bad = java("train", "--layers", "4:tanhh");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: layer 1 (dense(units=4, activation=tanhh)): unknown activation 'tanhh'"),
                bad.err());
    }

    @Test
    void theJarTrainsWithAnActivationFromAPluginFolder() throws Exception {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        PluginSources.halvingWithBrokenProviders(plugins);
        Result trained = java("train", "--plugins", plugins.toString(), "--dataset", "iris", "--layers", "4:halving",
                "--epochs", "2", "--out-dir", folder.resolve("run").toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("4 inputs -> 4 halving -> 3 softmax"), trained.out());
        assertTrue(trained.err().contains("org.example.cli.Exploding"), "a broken provider is logged: " + trained.err());
    }

    private record Result(int code, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("chainrule.jar", "target/chainrule.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " has not been packaged");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish within two minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

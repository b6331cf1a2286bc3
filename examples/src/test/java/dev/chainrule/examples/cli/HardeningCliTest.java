package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.testkit.ModelFileBytes;
import dev.chainrule.testkit.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line cases of issue 18, each through the tool's own entry point: an exit code and one line of error
 * without a stack trace, or a warning where the run may go on.
 */
class HardeningCliTest {

    @TempDir
    Path folder;

    @Test
    void aLayerTooLargeForOneTensorNamesItsMemory() {
        String err = oneLine(Cli.run("train", "--layers", "2000000000:relu", "--out-dir", out()).failed(2));
        assertTrue(err.contains("64x2000000000 tensor would hold 128000000000 numbers (512.0 GB as float32)"), err);
    }

    @Test
    void layersTooLargeForTheHeapNameTheLayerAndTheMemoryBeforeAllocating() {
        long perLayer = 46_000L * 46_000 * Float.BYTES;
        int count = (int) (Runtime.getRuntime().maxMemory() / MemoryLimits.TRAINING_COPIES / perLayer) + 2;
        String layers = IntStream.range(0, count).mapToObj(i -> "46000:relu").collect(Collectors.joining(","));
        String err = oneLine(Cli.run("train", "--layers", layers, "--out-dir", out()).failed(2));
        assertTrue(err.contains("needs a 46000x46000 tensor (8.5 GB as float32)"), err);
        assertTrue(err.contains("this JVM may use") && err.contains("-Xmx"), err);
    }

    @Test
    void aBatchTooLargeForTheHeapIsRefusedWithItsMemory() {
        UsageException error = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> new MemoryLimits(1_000_000).checkBatch(Integer.MAX_VALUE, 100_000,
                        dev.chainrule.core.Chainrule.create("plain").network(64).dense(256, "relu").dense(10, "softmax")
                                .build()));
        assertTrue(error.getMessage().startsWith("--batch-size 2147483647: a batch of 100000 rows through this "
                + "network needs about 396.0 MB"), error.getMessage());
    }

    @Test
    void theLargestBatchSizeTrainsOnEveryRowAtOnce() throws IOException {
        Cli.Run run = Cli.run("train", "--batch-size", "2147483647", "--epochs", "3", "--layers", "16:relu",
                "--out-dir", out()).succeeded();
        JsonNode epochs = Cli.json(folder.resolve("run/metrics.json")).get("epochs");
        assertTrue(epochs.get(2).get("loss").asDouble() < epochs.get(0).get("loss").asDouble(), run.out());
    }

    @Test
    void emptyLayersAreRefusedAndNoneMeansNoHiddenLayer() {
        String err = oneLine(Cli.run("train", "--layers", "", "--out-dir", out()).failed(2));
        assertTrue(err.startsWith("error: --layers '' names no layer"), err);
        Cli.Run none = Cli.run("train", "--layers", "none", "--epochs", "1", "--out-dir", out()).succeeded();
        assertTrue(none.out().contains("64 inputs -> 10 softmax"), none.out());
    }

    @Test
    void evaluateNamesLabelsTheModelDoesNotKnowAndMatchesTheOthersByName() throws IOException {
        Path train = csv("train.csv", "a", "b", "c");
        Cli.run("train", "--dataset", train.toString(), "--layers", "8:tanh", "--epochs", "40", "--out-dir", out())
                .succeeded();
        String model = folder.resolve("run/model.crm").toString();

        String err = oneLine(Cli.run("evaluate", "--model", model, "--dataset", csv("other.csv", "a", "b", "y")
                .toString()).failed(1));
        assertEquals("error: other.csv has class labels that the model does not know: y; the model's classes are: "
                + "a, b, c", err);

        Cli.Run subset = Cli.run("evaluate", "--model", model, "--dataset", csv("bc.csv", "b", "c").toString(),
                "--format", "json").succeeded();
        JsonNode results = Cli.json(subset.out());
        assertEquals("[\"a\",\"b\",\"c\"]", results.get("classes").toString());
        assertEquals(0, sum(results.get("confusion").get(0)), "no row is counted as class a");
        assertTrue(results.get("accuracy").asDouble() > 0.9, subset.out());
        assertTrue(subset.err().contains("warning: the evaluated rows of bc.csv has no row of class a"), subset.err());
    }

    @Test
    void aClassOnlyInTheTestSplitIsAWarning() throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int r = 0; r < 40; r++) {
            text.append(r % 2).append(',').append(r % 2 == 0 ? "even" : "odd").append('\n');
        }
        text.append("5,rare\n");
        Path file = Files.writeString(folder.resolve("rare.csv"), text);
        Cli.Run run = Cli.run("train", "--dataset", file.toString(), "--layers", "4:tanh", "--epochs", "1",
                "--test-split", "0.5", "--seed", "1", "--out-dir", out()).succeeded();
        assertTrue(run.err().contains("of rare.csv has no row of class rare"), run.err());
    }

    @Test
    void aModelPathThatIsAFolderIsNamed() {
        String err = oneLine(Cli.run("evaluate", "--model", folder.toString()).failed(1));
        assertTrue(err.startsWith("error: --model " + folder + " is a folder, not a model file"), err);
    }

    @Test
    void anOutDirThatIsAFileOrUnwritableIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(folder.resolve("file"), "x");
        Cli.Run onFile = Cli.run("train", "--out-dir", file.toString());
        assertEquals("error: --out-dir " + file + " is a file, not a folder; name a folder (it is created if missing)",
                oneLine(onFile.failed(1)));
        assertFalse(onFile.out().contains("epoch"), onFile.out());

        Path locked = Files.createDirectories(folder.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if ("root".equals(System.getProperty("user.name"))) {
            assumeTrue(Files.isDirectory(Path.of("/proc")), "root writes into any folder but /proc");
            locked = Path.of("/proc");
        }
        Cli.Run unwritable = Cli.run("train", "--out-dir", locked.toString());
        assertTrue(oneLine(unwritable.failed(1)).startsWith("error: --out-dir " + locked + " is not writable"),
                unwritable.err());
        assertFalse(unwritable.out().contains("epoch"), unwritable.out());
    }

    @Test
    void aCorruptJarAndPluginsWhoseNameMisbehavesAreReportedWithClassAndJar() throws IOException {
        Path plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.writeString(plugins.resolve("x.jar"), "not a zip");
        Path jar = new PluginJar()
                .source("org.example.cli.Nameless", PluginSources.scalar("org.example.cli.Nameless", "x", "x", "1", "")
                        .replace("return \"x\";", "return null;"))
                .source("org.example.cli.Throwing", PluginSources.scalar("org.example.cli.Throwing", "x", "x", "1", "")
                        .replace("return \"x\";", "throw new IllegalStateException(\"no name\");"))
                .register(Activation.class, "org.example.cli.Nameless")
                .register(Activation.class, "org.example.cli.Throwing")
                .write(plugins.resolve("names.jar"));
        Cli.Run run = Cli.run("plugins", "--plugins", plugins.toString()).succeeded();
        assertTrue(run.out().contains("  " + plugins.resolve("x.jar").toAbsolutePath() + ": not a readable jar ("),
                run.out());
        String where = jar.toAbsolutePath().toString();
        assertTrue(run.out().contains("  org.example.cli.Nameless from file:" + where + ": its name() returned null"),
                run.out());
        assertTrue(run.out().contains("  org.example.cli.Throwing from file:" + where + ": its name() threw "
                + "java.lang.IllegalStateException: no name"), run.out());
        Cli.run("train", "--plugins", plugins.toString(), "--epochs", "1", "--out-dir", out()).succeeded();
    }

    @Test
    void brokenModelFilesFailWithOneLine() throws IOException {
        Path model = Models.iris(folder.resolve("iris"));
        byte[] bytes = Files.readAllBytes(model);
        String header = ModelFileBytes.header(bytes);

        Path truncated = Files.write(folder.resolve("eight.crm"), Arrays.copyOf(bytes, 8));
        assertTrue(oneLine(Cli.run("evaluate", "--model", truncated.toString()).failed(1))
                .contains("eight.crm is truncated or corrupt: it is 8 bytes long"));

        Path nan = Files.write(folder.resolve("nan.crm"), ModelFileBytes.withFloat(bytes, 0, Float.NaN));
        assertTrue(oneLine(Cli.run("evaluate", "--model", nan.toString()).failed(1))
                .contains("the tensor 'layer 1 weights' holds NaN at row 1, column 1"));

        String zeroScale = header.replaceFirst("\"feature_scale\":\"[^,\"]*", "\"feature_scale\":\"0.0");
        assertFalse(zeroScale.equals(header));
        Path scale = Files.write(folder.resolve("scale.crm"), ModelFileBytes.withHeader(bytes, zeroScale));
        assertTrue(oneLine(Cli.run("evaluate", "--model", scale.toString()).failed(1))
                .contains("feature_scale value 1 is 0.0; a scale must be > 0"));

        Path huge = Files.write(folder.resolve("huge.crm"), ModelFileBytes.withHeader(bytes,
                header.replace("units=6", "units=400000000")));
        assertTrue(oneLine(Cli.run("predict", "--model", huge.toString()).failed(1))
                .contains("layer 1 needs a 4x400000000 tensor"));
    }

    @Test
    void aHugeLearningRateStopsWithExitCodeOne() {
        String err = oneLine(Cli.run("train", "--optimizer", "sgd(lr=1e6)", "--epochs", "3", "--out-dir", out())
                .failed(1));
        assertTrue(err.startsWith("error: training diverged at epoch 1"), err);
        assertTrue(err.contains("times its best"), err);
        assertFalse(Files.exists(folder.resolve("run/model.crm")));
        Cli.run("train", "--optimizer", "sgd(lr=1e6)", "--epochs", "1", "--divergence-factor", "0", "--out-dir",
                out()).succeeded();
    }

    private String out() {
        return folder.resolve("run").toString();
    }

    /** The error stream, which must be exactly one line besides a usage error's pointer to --help. */
    private static String oneLine(Cli.Run run) {
        List<String> lines = run.err().strip().lines().filter(line -> !line.startsWith("Try '")).toList();
        assertEquals(1, lines.size(), () -> "not one line:\n" + run.err());
        return lines.get(0);
    }

    /** A CSV of two features whose rows of each of {@code labels} sit around their own point. */
    private Path csv(String name, String... labels) throws IOException {
        StringBuilder text = new StringBuilder("x,y,label\n");
        for (int r = 0; r < 30 * labels.length; r++) {
            String label = labels[r % labels.length];
            double centre = label.charAt(0) - 'a';
            text.append(centre + 0.01 * (r % 7)).append(',').append(centre * 2 - 0.01 * (r % 5)).append(',')
                    .append(label).append('\n');
        }
        return Files.writeString(folder.resolve(name), text);
    }

    private static int sum(JsonNode row) {
        int total = 0;
        for (JsonNode count : row) {
            total += count.asInt();
        }
        return total;
    }
}

package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ScalarActivation;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    static Path folder;

    private static Path irisModel;
    private static Path diabetesModel;

    @BeforeAll
    static void train() {
        irisModel = Models.iris(folder.resolve("iris"));
        diabetesModel = Models.diabetes(folder.resolve("diabetes"));
    }

    @Test
    void printsAccuracyPerClassFiguresAndTheConfusionMatrix() throws IOException {
        Path chart = folder.resolve("confusion.png");
        Cli.Run run = Cli.run("evaluate", "--model", irisModel.toString(), "--confusion-chart", chart.toString())
                .succeeded();
        assertTrue(run.out().contains("evaluated on the 30 held-out test rows of iris"), run.out());
        assertTrue(run.out().matches("(?s).*accuracy \\d+\\.\\d\\d% \\(\\d+ of 30\\).*"), run.out());
        assertTrue(run.out().contains("class          precision  recall      f1  support"), run.out());
        assertTrue(run.out().contains("versicolor"), run.out());
        assertTrue(run.out().contains("actual \\ predicted  setosa  versicolor  virginica"), run.out());
        assertTrue(Cli.png(chart).getWidth() > 100);
    }

    @Test
    void jsonAndMarkdownCarryTheSameFigures() throws IOException {
        JsonNode all = Cli.json(Cli.run("evaluate", "--model", irisModel.toString(), "--rows", "all", "--format",
                "json").succeeded().out());
        assertEquals(150, all.get("rows").asInt());
        assertEquals(3, all.get("confusion").size());
        int diagonal = 0;
        for (int c = 0; c < 3; c++) {
            diagonal += all.get("confusion").get(c).get(c).asInt();
        }
        assertEquals(diagonal / 150.0, all.get("accuracy").asDouble(), 1e-12);
        String markdown = Cli.run("evaluate", "--model", irisModel.toString(), "--format", "markdown").succeeded()
                .out();
        assertTrue(markdown.contains("| class         | precision | recall |     f1 | support |"), markdown);
    }

    @Test
    void regressionModelsGetMseMaeAndRSquared() throws IOException {
        Cli.Run run = Cli.run("evaluate", "--model", diabetesModel.toString()).succeeded();
        assertTrue(run.out().contains("the 88 held-out test rows of diabetes"), run.out());
        assertTrue(run.out().contains("MSE") && run.out().contains("MAE") && run.out().contains("R^2"), run.out());
        JsonNode json = Cli.json(Cli.run("evaluate", "--model", diabetesModel.toString(), "--format", "json")
                .succeeded().out());
        assertTrue(json.get("r2").asDouble() < 1 && json.get("mae").asDouble() > 0);
    }

    @Test
    void aMissingModelFileIsNamed() {
        Cli.Run run = Cli.run("evaluate", "--model", folder.resolve("absent.crm").toString()).failed(1);
        assertTrue(run.err().contains("no such file") && run.err().contains("absent.crm"), run.err());
    }

    @Test
    void aCorruptModelFileSaysWhatIsWrong() throws IOException {
        byte[] bytes = Files.readAllBytes(irisModel);
        bytes[bytes.length - 30] ^= 0x10;
        Path corrupt = Files.write(folder.resolve("corrupt.crm"), bytes);
        Cli.Run run = Cli.run("evaluate", "--model", corrupt.toString()).failed(1);
        assertTrue(run.err().contains("is corrupt: its checksum"), run.err());

        Path truncated = Files.write(folder.resolve("truncated.crm"), java.util.Arrays.copyOf(bytes, 100));
        assertTrue(Cli.run("evaluate", "--model", truncated.toString()).failed(1).err().contains("truncated"));

        Path text = Files.writeString(folder.resolve("text.crm"), "not a model");
        assertTrue(Cli.run("evaluate", "--model", text.toString()).failed(1).err()
                .contains("is not a Chainrule model file"));
    }

    @Test
    void aModelNamingAPluginThatIsNotOnTheClassPathSaysHowToAddIt() throws IOException {
        PluginRegistry<Activation> activations = PluginRegistry.of(Activation.class, List.of(new Cube()));
        Network network = new NetworkBuilder(dev.chainrule.core.Chainrule.create("plain").backend(),
                activations::create, 4).dense(3, "test_cube").build();
        Path file = folder.resolve("cube.crm");
        ModelFile.save(network, Map.of("dataset", "iris"), file);
        Cli.Run run = Cli.run("evaluate", "--model", file.toString()).failed(1);
        assertTrue(run.err().contains("'test_cube', which is not on the class path"), run.err());
        assertTrue(run.err().contains("Put the jar that provides it on the class path"), run.err());
    }

    @Test
    void aDataSetThatDoesNotFitTheModelIsNamed() {
        Cli.Run run = Cli.run("evaluate", "--model", irisModel.toString(), "--dataset", "wine").failed(1);
        assertTrue(run.err().contains("wine has 13 features per row but the model takes 4"), run.err());
    }

    /** {@code z^3}: an activation that only this test knows. */
    static final class Cube extends ScalarActivation {
        @Override
        public String name() {
            return "test_cube";
        }

        @Override
        protected double phi(double x) {
            return x * x * x;
        }

        @Override
        protected double derivative(double x, double phiX) {
            return 3 * x * x;
        }
    }
}

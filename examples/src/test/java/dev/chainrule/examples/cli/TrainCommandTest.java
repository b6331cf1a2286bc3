package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.SavedModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path folder;

    @Test
    void withoutOptionsTheSeedNetworkReachesNinetyFivePercentOnDigitsAndWritesItsFiles() throws IOException {
        Path out = folder.resolve("run");
        Cli.Run run = Cli.run("train", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("64 inputs -> 128 tanh -> 96 sigmoid -> 64 relu -> 10 softmax"), run.out());
        assertTrue(run.out().contains("epoch 30/30"), run.out());

        JsonNode metrics = Cli.json(out.resolve("metrics.json"));
        assertEquals("digits", metrics.get("dataset").asText());
        assertEquals(30, metrics.get("epochs").size());
        assertTrue(metrics.get("epochs").get(29).get("validation_accuracy").isNumber());
        double accuracy = metrics.get("test").get("accuracy").asDouble();
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);

        BufferedImage chart = Cli.png(out.resolve("training.png"));
        assertTrue(chart.getWidth() > 500 && chart.getHeight() > 300);

        SavedModel model = Chainrule.create("plain").load(out.resolve("model.crm"));
        assertEquals("64 inputs -> 128 tanh -> 96 sigmoid -> 64 relu -> 10 softmax", model.network().toString());
        assertEquals("digits", model.metadata().get("dataset"));

        // The reloaded model, run by evaluate on the same held-out rows, gives exactly the numbers training reported.
        JsonNode evaluation = Cli.json(Cli.run("evaluate", "--model", out.resolve("model.crm").toString(),
                "--format", "json").succeeded().out());
        assertEquals(metrics.get("test").get("rows").asInt(), evaluation.get("rows").asInt());
        assertEquals(metrics.get("test").get("loss").asDouble(), evaluation.get("loss").asDouble(), 0);
        assertEquals(accuracy, evaluation.get("accuracy").asDouble(), 0);
    }

    @Test
    void trainsANetworkFromTheCommandLineOnIris() throws IOException {
        Path out = folder.resolve("iris");
        Cli.Run run = Cli.run("train", "--dataset", "iris", "--layers", "6:tanh,5:sigmoid,4:relu", "--epochs", "3",
                "--batch-size", "16", "--optimizer", "sgd(lr=0.1, momentum=0.5)", "--seed", "3", "--out-dir",
                out.toString()).succeeded();
        assertTrue(run.out().contains("4 inputs -> 6 tanh -> 5 sigmoid -> 4 relu -> 3 softmax"), run.out());
        assertTrue(run.out().contains("on 108 rows of iris (classification), validating on 12, testing on 30"),
                run.out());
        JsonNode metrics = Cli.json(out.resolve("metrics.json"));
        assertEquals(3, metrics.get("epochs").size());
        assertEquals("sgd(lr=0.1, momentum=0.5, dampening=0.0, nesterov=false, weight_decay=0.0)",
                metrics.get("optimizer").asText());
        assertEquals(3, metrics.get("seed").asInt());
        Cli.png(out.resolve("training.png"));
    }

    @Test
    void readsTheNetworkFromAYamlOrJsonFile() throws IOException {
        Path yaml = Files.writeString(folder.resolve("net.yaml"), """
                layers:
                  - units: 5
                    activation: tanh
                  - 4:sigmoid
                output: softmax
                """);
        Path json = Files.writeString(folder.resolve("net.json"), """
                {"layers": [{"units": 5, "activation": "relu"}], "output": "softmax"}
                """);
        Cli.Run fromYaml = Cli.run("train", "--dataset", "wine", "--network", yaml.toString(), "--epochs", "1",
                "--out-dir", folder.resolve("a").toString()).succeeded();
        assertTrue(fromYaml.out().contains("13 inputs -> 5 tanh -> 4 sigmoid -> 3 softmax"), fromYaml.out());
        Cli.Run fromJson = Cli.run("train", "--dataset", "wine", "--network", json.toString(), "--epochs", "1",
                "--out-dir", folder.resolve("b").toString()).succeeded();
        assertTrue(fromJson.out().contains("13 inputs -> 5 relu -> 3 softmax"), fromJson.out());
    }

    @Test
    void takesAnyLayerInTheLayersOptionAndANetworkFileAndSavesItsState() throws IOException {
        Path out = folder.resolve("layers");
        Cli.Run run = Cli.run("train", "--dataset", "iris", "--layers",
                "8:relu:init=orthogonal,batch_norm,dropout(0.2),6:tanh,layer_norm", "--init", "glorot_normal",
                "--epochs", "2", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("4 inputs -> 8 relu -> batch_norm(momentum=0.1, eps=1.0E-5) -> dropout(rate=0.2) "
                + "-> 6 tanh -> layer_norm(eps=1.0E-5) -> 3 softmax"), run.out());
        Cli.run("evaluate", "--model", out.resolve("model.crm").toString()).succeeded();

        Path yaml = Files.writeString(folder.resolve("layers.yaml"), """
                layers:
                  - {units: 5, activation: tanh, init: he_uniform}
                  - batch_norm(momentum=0.2)
                  - {layer: "alpha_dropout(0.1)"}
                  - 4:selu
                init: lecun_uniform
                """);
        Cli.Run fromYaml = Cli.run("train", "--dataset", "wine", "--network", yaml.toString(), "--epochs", "1",
                "--out-dir", folder.resolve("c").toString()).succeeded();
        assertTrue(fromYaml.out().contains("13 inputs -> 5 tanh -> batch_norm(momentum=0.2, eps=1.0E-5) -> "
                + "alpha_dropout(rate=0.1) -> 4 selu -> 3 softmax"), fromYaml.out());
    }

    @Test
    void anUnknownLayerOrInitializerIsAUsageErrorListingTheValidNames() {
        Cli.Run layer = Cli.run("train", "--layers", "8:relu,batch_nrom").failed(2);
        assertTrue(layer.err().contains("unknown layer 'batch_nrom'") && layer.err().contains("batch_norm"),
                layer.err());
        Cli.Run init = Cli.run("train", "--layers", "8:relu:init=he_nromal").failed(2);
        assertTrue(init.err().contains("unknown initializer 'he_nromal'") && init.err().contains("he_normal"),
                init.err());
    }

    @Test
    void stopsEarlyWhenTheValidationLossStopsImproving() throws IOException {
        Path out = folder.resolve("early");
        Cli.Run run = Cli.run("train", "--dataset", "breast_cancer", "--layers", "8:tanh", "--epochs", "200",
                "--optimizer", "sgd(lr=0.3, momentum=0.9)", "--validation-split", "0.2", "--patience", "2",
                "--out-dir", out.toString()).succeeded();
        JsonNode metrics = Cli.json(out.resolve("metrics.json"));
        assertTrue(metrics.get("stopped_early").asBoolean(), run.out());
        assertTrue(metrics.get("epochs").size() < 200);
        assertTrue(run.out().contains("early stop"), run.out());
    }

    @Test
    void trainsARegressionOnDiabetesAndReportsErrorsInTheTargetsUnits() throws IOException {
        Path out = folder.resolve("diabetes");
        Cli.Run run = Cli.run("train", "--dataset", "diabetes", "--layers", "8:tanh", "--epochs", "5",
                "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("10 inputs -> 8 tanh -> 1 identity"), run.out());
        assertTrue(run.out().contains("MSE") && run.out().contains("R^2"), run.out());
        JsonNode test = Cli.json(out.resolve("metrics.json")).get("test");
        assertTrue(test.get("mse").asDouble() > 100, "MSE in the target's units: " + test);
        assertTrue(Cli.json(out.resolve("metrics.json")).get("epochs").get(0).get("accuracy").isNull());
        Cli.png(out.resolve("training.png"));
    }

    @Test
    void trainsOnACsvFileWithTextLabels() throws IOException {
        Path csv = folder.resolve("points.csv");
        StringBuilder rows = new StringBuilder("x,label,y\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i % 2 == 0 ? i * 0.1 : -i * 0.1).append(',').append(i % 2 == 0 ? "right" : "left").append(',')
                    .append(i * 0.05).append('\n');
        }
        Files.writeString(csv, rows);
        Path out = folder.resolve("csv");
        Cli.Run run = Cli.run("train", "--dataset", csv.toString(), "--label-column", "label", "--layers", "4:tanh",
                "--epochs", "2", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("2 inputs -> 4 tanh -> 2 softmax"), run.out());
        SavedModel model = Chainrule.create("plain").load(out.resolve("model.crm"));
        assertEquals("left\nright", model.metadata().get("classes"));
    }

    @Test
    void trainsOnFashionMnistIdxFiles() throws IOException {
        Path data = TinyFashionMnist.write(folder.resolve("fashion"), 40, 20);
        Path out = folder.resolve("fashion-run");
        Cli.Run run = Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--layers",
                "8:relu", "--epochs", "2", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("1x28x28 inputs -> 8 relu -> 10 softmax"), run.out());
        assertTrue(run.out().contains("on 36 rows of fashion-mnist (classification), validating on 4, testing on 20"),
                run.out());
        Cli.Run evaluation = Cli.run("evaluate", "--model", out.resolve("model.crm").toString(), "--data-dir",
                data.toString()).succeeded();
        assertTrue(evaluation.out().contains("the 20 held-out test rows of fashion-mnist"), evaluation.out());
        assertTrue(evaluation.out().contains("Ankle boot"), evaluation.out());
    }

    @Test
    void passesTheScheduleThePenaltiesAndTheClippingToTheTrainer() throws IOException {
        Path out = folder.resolve("regularised");
        Cli.Run run = Cli.run("train", "--dataset", "iris", "--layers", "3:tanh", "--epochs", "2", "--schedule",
                "cosine(t_max=20)", "--l2", "0.001", "--clip-global-norm", "5", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("schedule cosine("), run.out());
        JsonNode metrics = Cli.json(out.resolve("metrics.json"));
        assertTrue(metrics.get("schedule").asText().startsWith("cosine(t_max=20"), metrics.toString());
        assertTrue(metrics.get("penalties").asText().contains("0.001"), metrics.toString());
        assertTrue(metrics.get("clipping").asText().contains("5"), metrics.toString());

        Cli.Run unknown = Cli.run("train", "--schedule", "no_such_schedule").failed(2);
        assertTrue(unknown.err().contains("unknown") && unknown.err().contains("constant"), unknown.err());
        Cli.run("train", "--clip-value", "1", "--clip-norm", "2").failed(2);
        Cli.run("train", "--l2", "-1").failed(2);
        Cli.run("train", "--clip-norm", "0").failed(2);
    }

    @Test
    void encodesTargetsAsTheLossAsks() {
        Cli.Run labels = Cli.run("train", "--dataset", "iris", "--layers", "4:tanh", "--epochs", "2", "--loss",
                "sparse_categorical_cross_entropy", "--out-dir", folder.resolve("sparse").toString()).succeeded();
        assertTrue(labels.out().contains("test accuracy"), labels.out());
        Cli.Run signs = Cli.run("train", "--dataset", "breast_cancer", "--layers", "4:tanh", "--output", "identity",
                "--epochs", "2", "--loss", "hinge", "--out-dir", folder.resolve("hinge").toString()).succeeded();
        assertTrue(signs.out().contains("test accuracy"), signs.out());
        Cli.run("evaluate", "--model", folder.resolve("hinge/model.crm").toString()).succeeded();
    }

    @Test
    void anUnknownActivationIsAUsageErrorListingTheValidNames() {
        Cli.Run run = Cli.run("train", "--layers", "8:tanh,4:sigmod").failed(2);
        assertTrue(run.err().contains("unknown activation 'sigmod'"), run.err());
        assertTrue(run.err().contains("did you mean 'sigmoid'"), run.err());
        assertTrue(run.err().matches("(?s).*valid names: [a-z_, ]*relu, [a-z_, ]*sigmoid, [a-z_, ]*tanh.*"), run.err());
    }

    @Test
    void aMalformedLayerSpecIsAUsageErrorThatShowsTheForm() {
        Cli.Run run = Cli.run("train", "--layers", "8:tanh,4x:relu").failed(2);
        assertTrue(run.err().contains("malformed layer '4x:relu'"), run.err());
        assertTrue(run.err().contains("UNITS:ACTIVATION"), run.err());
        Cli.Run word = Cli.run("train", "--layers", "8:tanh,four:relu").failed(2);
        assertTrue(word.err().contains("unknown layer 'four'"), word.err());
        assertTrue(word.err().contains("valid names: activation, "), word.err());
        Cli.run("train", "--layers", "8:leaky(").failed(2);
        Cli.run("train", "--layers", "0:relu").failed(2);
    }

    @Test
    void aNetworkFileWithAnUnknownKeyIsNamed() throws IOException {
        Path yaml = Files.writeString(folder.resolve("bad.yaml"), "layers: 4:tanh\nactivation: relu\n");
        Cli.Run run = Cli.run("train", "--network", yaml.toString()).failed(2);
        assertTrue(run.err().contains("unknown key 'activation'"), run.err());
    }

    @Test
    void aCsvWithANonNumericCellNamesItsLineAndColumn() throws IOException {
        Path csv = Files.writeString(folder.resolve("bad.csv"), "a,b,label\n1,2,0\n3,x4,1\n5,6,0\n");
        Cli.Run run = Cli.run("train", "--dataset", csv.toString(), "--out-dir", folder.toString()).failed(1);
        assertTrue(run.err().contains("bad.csv, line 3, column 2: 'x4' is not a finite number (column 'b')"),
                run.err());
    }

    @Test
    void aMissingFashionMnistDirectorySaysHowToInstallIt() {
        Cli.Run run = Cli.run("train", "--dataset", "fashion-mnist", "--data-dir",
                folder.resolve("absent").toString()).failed(1);
        assertTrue(run.err().contains("apt-get install -y dataset-fashion-mnist"), run.err());
        assertTrue(run.err().contains("absent"), run.err());
    }

    @Test
    void optionsThatDoNotFitTogetherAreUsageErrors() {
        assertTrue(Cli.run("train", "--patience", "3", "--validation-split", "0").failed(2).err()
                .contains("--patience 3 needs validation rows"));
        Cli.run("train", "--epochs", "0").failed(2);
        Cli.run("train", "--test-split", "1.5").failed(2);
        Cli.run("train", "--dtype", "float16").failed(2);
        Cli.run("train", "--loss", "no_such_loss").failed(2);
        Cli.run("train", "--optimizer", "sgd(lr=0)").failed(2);
        Cli.run("train", "--dataset", "mnist").failed(2);
        Cli.run("train", "--backend", "cuda").failed(2);
        Cli.run("train", "--no-such-option").failed(2);
    }
}

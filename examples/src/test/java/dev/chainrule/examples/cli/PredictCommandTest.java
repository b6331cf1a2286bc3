package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    private static final String ROWS = "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n5.9,3.0,4.2,1.5\n";

    @TempDir
    static Path folder;

    private static Path irisModel;

    @BeforeAll
    static void train() {
        irisModel = Models.iris(folder.resolve("iris"));
    }

    @Test
    void predictsRowsFromStandardInputWithTheReloadedModelsNumbers() throws IOException {
        Cli.Run run = Cli.runWithInput(ROWS, "predict", "--model", irisModel.toString(), "--probabilities")
                .succeeded();
        List<String> lines = run.out().lines().toList();
        assertEquals("row,class,probability,p(setosa),p(versicolor),p(virginica)", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("1,setosa,"), run.out());

        SavedModel model = Chainrule.create("plain").load(irisModel);
        ModelInfo info = ModelInfo.of(model, irisModel.toString());
        double[] raw = ROWS.lines().flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .mapToDouble(Double::parseDouble).toArray();
        double[] features = info.preprocessing().features(raw);
        double[][] rows = new double[3][];
        for (int r = 0; r < 3; r++) {
            rows[r] = java.util.Arrays.copyOfRange(features, r * 4, r * 4 + 4);
        }
        double[] expected = java.util.Arrays.stream(model.network().predict(rows))
                .flatMapToDouble(java.util.Arrays::stream).toArray();
        for (int r = 0; r < 3; r++) {
            String[] cells = lines.get(r + 1).split(",");
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[r * 3 + c], Double.parseDouble(cells[3 + c]), 1e-5 * expected[r * 3 + c] + 1e-12);
            }
        }
    }

    @Test
    void readsAFileAndSkipsAHeader() throws IOException {
        Path csv = Files.writeString(folder.resolve("rows.csv"), "sepal_length,sepal_width,petal_length,petal_width\n"
                + ROWS);
        Cli.Run run = Cli.run("predict", "--model", irisModel.toString(), "--input", csv.toString()).succeeded();
        assertEquals("row,class,probability", run.out().lines().findFirst().orElseThrow());
        assertEquals(4, run.out().lines().count());
    }

    @Test
    void regressionPredictionsAreInTheTargetsUnits() throws IOException {
        Path model = Models.diabetes(folder.resolve("diabetes"));
        Cli.Run run = Cli.runWithInput("59 2 32.1 101.0 157 93.2 38.0 4.0 4.8598 87".replace(' ', ','), "predict",
                "--model", model.toString()).succeeded();
        List<String> lines = run.out().lines().toList();
        assertEquals("row,prediction", lines.get(0));
        double prediction = Double.parseDouble(lines.get(1).split(",")[1]);
        assertTrue(prediction > 25 && prediction < 346, "a disease progression in the data's range: " + prediction);
    }

    @Test
    void rowsOfTheWrongWidthOrWithTextAreNamed() {
        Cli.Run wide = Cli.runWithInput("1,2,3\n", "predict", "--model", irisModel.toString()).failed(1);
        assertTrue(wide.err().contains("standard input, line 1: 3 values, but the model takes 4 features per row"),
                wide.err());
        Cli.Run text = Cli.runWithInput("1,2,3,4\n1,2,x,4\n", "predict", "--model", irisModel.toString()).failed(1);
        assertTrue(text.err().contains("standard input, line 2, column 3: 'x' is not a finite number"), text.err());
        Cli.runWithInput("", "predict", "--model", irisModel.toString()).failed(1);
        Cli.run("predict").failed(2);
    }
}

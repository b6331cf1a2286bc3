package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A convolutional network exported by PyTorch through the command line: {@code import --onnx} writes a model file of
 * its conv2d, pooling, flatten and dense layers, and {@code predict} and {@code evaluate} take the .onnx file directly
 * and answer what PyTorch recorded; a grouped convolution is one clear error.
 */
class OnnxConvolutionCliTest {

    @TempDir
    static Path folder;

    private static Path onnx;
    private static String images;
    private static List<double[]> pytorch;

    @BeforeAll
    static void copyFixtures() throws IOException {
        onnx = Files.write(folder.resolve("cnn.onnx"), resource("cnn.onnx"));
        images = new String(resource("cnn.input.csv"), StandardCharsets.UTF_8);
        pytorch = new String(resource("cnn.output.csv"), StandardCharsets.UTF_8).lines()
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    @Test
    void anImportedPyTorchCnnPredictsWhatPyTorchDidFromTheModelFileAndTheOnnxFile() {
        Path model = folder.resolve("m.crm");
        Cli.Run imported = Cli.run("import", "--onnx", onnx.toString(), "--out", model.toString()).succeeded();
        assertEquals("wrote " + model + " (6 layers, 64 inputs, 5 outputs, float32)\n", imported.out());
        String fromOnnx = predict(onnx);
        assertEquals(fromOnnx, predict(model));
        List<String> lines = fromOnnx.lines().skip(1).toList();
        assertEquals(pytorch.size(), lines.size());
        for (int row = 0; row < lines.size(); row++) {
            String[] fields = lines.get(row).split(",");
            double[] outputs = Arrays.stream(fields, 3, fields.length).mapToDouble(Double::parseDouble).toArray();
            for (int k = 0; k < outputs.length; k++) {
                assertEquals(pytorch.get(row)[k], outputs[k], 1e-5, "row " + (row + 1) + " output " + k);
            }
        }
    }

    @Test
    void evaluateTakesThePyTorchOnnxFile() throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> inputs = images.lines().toList();
        for (int row = 0; row < inputs.size(); row++) {
            int label = row == 0 ? wrong(pytorch.get(row)) : argmax(pytorch.get(row));
            rows.add(inputs.get(row) + "," + label);
        }
        Path labelled = Files.write(folder.resolve("labelled.csv"), rows);
        String report = Cli.run("evaluate", "--model", onnx.toString(), "--dataset", labelled.toString(), "--rows",
                "all").succeeded().out();
        assertTrue(report.contains("accuracy 80.00% (4 of 5)"), report);
    }

    @Test
    void aGroupedConvolutionIsOneClearError() throws IOException {
        Path grouped = Files.write(folder.resolve("grouped.onnx"), resource("refused_groups.onnx"));
        Cli.Run run = Cli.run("import", "--onnx", grouped.toString(), "--out", folder.resolve("g.crm").toString())
                .failed(1);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + grouped + ": node '/0/Conv' (Conv) has group 2"), run.err());
    }

    private static String predict(Path model) {
        return Cli.runWithInput(images, "predict", "--model", model.toString(), "--probabilities").succeeded().out();
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            best = values[k] > values[best] ? k : best;
        }
        return best;
    }

    private static int wrong(double[] values) {
        return (argmax(values) + 1) % values.length;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxConvolutionCliTest.class.getResourceAsStream("/pytorch/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource pytorch/" + name);
            }
            return in.readAllBytes();
        }
    }
}

package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convolutional networks through the command line: IDX images give their shape by themselves, {@code --input-shape}
 * and a network file's {@code input} declare one and are checked against the data, {@code SPEC:ACTIVATION} works for
 * any layer that takes an activation, a trained CNN predicts through {@code predict}, and {@code explain} shows a
 * convolution's own factor.
 */
class ConvolutionCliTest {

    private static final String CNN = "conv2d(3,3,padding=same):relu,max_pool2d(2),conv2d(4,3,stride=2):tanh,"
            + "global_avg_pool2d,8:relu";

    @TempDir
    static Path folder;

    private static Path data;

    @BeforeAll
    static void writeImages() throws IOException {
        data = TinyFashionMnist.write(folder.resolve("fashion"), 60, 20);
    }

    @Test
    void idxImagesGiveTheirShapeAndTheSavedCnnPredicts() throws IOException {
        Path out = folder.resolve("cnn");
        Cli.Run run = Cli.run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--layers", CNN,
                "--epochs", "2", "--batch-size", "16", "--out-dir", out.toString()).succeeded();
        assertTrue(run.out().contains("1x28x28 inputs -> conv2d(filters=3, kernel=3, stride=1, padding=same, "
                + "dilation=1, activation=relu)"), run.out());
        String row = IntStream.range(0, 784).mapToObj(i -> Integer.toString(i % 28 / 3 == 4 ? 210 : 10))
                .collect(Collectors.joining(","));
        Cli.Run predicted = Cli.runWithInput(row + "\n" + row + "\n", "predict", "--model",
                out.resolve("model.crm").toString()).succeeded();
        List<String> lines = predicted.out().lines().toList();
        assertEquals(3, lines.size(), predicted.out());
        assertEquals(lines.get(1).substring(2), lines.get(2).substring(2), "the same row, the same class");
    }

    @Test
    void aDeclaredInputShapeMustHoldTheRows() {
        Cli.Run wrong = Cli.run("train", "--dataset", "iris", "--input-shape", "1x3x3", "--layers",
                "conv2d(2,1):relu,flatten", "--epochs", "1").failed(2);
        assertTrue(wrong.err().contains("the input shape 1x3x3 holds 9 numbers but iris has 4 features per row"),
                wrong.err());
        Cli.Run malformed = Cli.run("train", "--dataset", "iris", "--input-shape", "2x2", "--epochs", "1").failed(2);
        assertTrue(malformed.err().contains("--input-shape must be CHANNELSxHEIGHTxWIDTH such as 1x28x28"),
                malformed.err());
        Cli.Run flat = Cli.run("train", "--dataset", "iris", "--layers", "conv2d(2,3):relu", "--epochs", "1")
                .failed(2);
        assertTrue(flat.err().contains("cannot take examples of 4x1x1 (a flat vector; give the network an input shape"),
                flat.err());
    }

    @Test
    void aNetworkFileDeclaresTheInputShape() throws IOException {
        Path file = Files.writeString(folder.resolve("cnn.yaml"), """
                input: [1, 2, 2]
                layers:
                  - conv2d(3, 2, padding=same):tanh
                  - {layer: "avg_pool2d(kernel=2, stride=1)"}
                  - flatten
                """);
        Cli.Run run = Cli.run("train", "--dataset", "iris", "--network", file.toString(), "--epochs", "2",
                "--out-dir", folder.resolve("iris-cnn").toString()).succeeded();
        assertTrue(run.out().contains("1x2x2 inputs -> conv2d(filters=3, kernel=2"), run.out());
        Path bad = Files.writeString(folder.resolve("bad.yaml"), "input: [1, 2]\nlayers: flatten\n");
        Cli.Run refused = Cli.run("train", "--dataset", "iris", "--network", bad.toString()).failed(2);
        assertTrue(refused.err().contains("'input' must be [channels, height, width]"), refused.err());
    }

    @Test
    void explainShowsAConvolutionsOwnFactor() {
        Cli.Run run = Cli.run("explain", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--layers",
                "conv2d(2,3,padding=1,dilation=2):relu,max_pool2d(2),flatten,4:tanh", "--top", "1").succeeded();
        assertTrue(run.out().contains("(shared kernel weights: for K["), run.out());
        assertTrue(run.out().contains("over the 26x26 output positions"), run.out());
    }
}

package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind (a bad file, a bad layer spec, shapes that do not fit, a bad CSV row, a bad option value)
 * ends in one line that starts with {@code error:} and names what is wrong, exit code 1 or 2, and never in the stack
 * trace that {@link ErrorHandler} keeps for internal errors.
 */
class BadInputTest {

    @TempDir
    static Path folder;

    private static Path model;

    @BeforeAll
    static void files() throws IOException {
        model = Models.iris(folder.resolve("iris"));
        write("garbage.crm", "not a model");
        write("garbage.onnx", "not an onnx model");
        write("empty.csv", "");
        write("header.csv", "a,b,label\n");
        write("ragged.csv", "a,b,label\n1,2,0\n3,1\n5,6,0\n");
        write("word.csv", "a,b,label\n1,2,0\n3,x4,1\n5,6,0\n");
        write("nan.csv", "a,b,label\n1,2,0\n3,NaN,1\n5,6,0\n");
        write("two-columns.csv", "1.0,2.0\n");
        write("word-row.csv", "5.1,abc,1.4,0.2\n");
        write("broken.yaml", "layers: [\n");
        Files.write(folder.resolve("binary.csv"), new byte[] {0, -1, 3, 10, -128, 44, 0, 7});
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    /** One bad input: the arguments (built once the files exist), the exit code and a text the line must hold. */
    record BadInput(String name, int code, String mentions, Supplier<String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BadInput train(String name, int code, String mentions, String... more) {
        return new BadInput(name, code, mentions, () -> Stream.concat(Stream.of("train", "--epochs", "1",
                "--out-dir", folder.resolve("out").toString()), Stream.of(more).map(BadInputTest::resolve))
                .toArray(String[]::new));
    }

    private static BadInput predict(String name, int code, String mentions, String modelFile, String rows) {
        return new BadInput(name, code, mentions, () -> new String[] {"predict", "--model",
            modelFile == null ? model.toString() : resolve(modelFile), "--input", resolve(rows)});
    }

    /** A word starting with {@code @} names a file in the test's folder. */
    private static String resolve(String argument) {
        return argument.startsWith("@") ? folder.resolve(argument.substring(1)).toString() : argument;
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                predict("a model file that is not one", 1, "garbage.crm", "@garbage.crm", "@two-columns.csv"),
                predict("a missing model file", 1, "missing.crm", "@missing.crm", "@two-columns.csv"),
                predict("a model file that is a folder", 1, "iris", "@iris", "@two-columns.csv"),
                predict("an ONNX file that is not one", 1, "garbage.onnx", "@garbage.onnx", "@two-columns.csv"),
                predict("rows of the wrong width", 1, "2", null, "@two-columns.csv"),
                predict("a word in a row to predict", 1, "abc", null, "@word-row.csv"),
                predict("a missing rows file", 1, "missing.csv", null, "@missing.csv"),
                train("a missing dataset", 1, "missing.csv", "--dataset", "@missing.csv"),
                train("an empty CSV file", 1, "empty.csv", "--dataset", "@empty.csv"),
                train("a CSV file of a header only", 1, "header.csv", "--dataset", "@header.csv"),
                train("a CSV row that is short", 1, "line 3", "--dataset", "@ragged.csv"),
                train("a word in a CSV cell", 1, "'x4'", "--dataset", "@word.csv"),
                train("NaN in a CSV cell", 1, "line 3", "--dataset", "@nan.csv"),
                train("a binary file as CSV", 1, "binary.csv is not UTF-8 text", "--dataset", "@binary.csv"),
                train("a label column that is not there", 1, "no column 'species'", "--dataset", "@word.csv", "--label-column",
                        "species"),
                train("a network file that is not YAML", 2, "broken.yaml is not valid YAML: expected the node content, "
                        + "but found '<stream end>' (line ", "--network", "@broken.yaml"),
                train("a layer spec that is a word", 2, "abc", "--dataset", "iris", "--layers", "abc"),
                train("an unknown activation", 2, "nope", "--dataset", "iris", "--layers", "8:nope"),
                train("a parameter that is not a number", 2, "x", "--dataset", "iris", "--layers",
                        "8:leaky_relu(alpha=x)"),
                train("a negative layer width", 2, "-3", "--dataset", "iris", "--layers", "-3:relu"),
                train("an empty layer in the list", 2, "layer", "--dataset", "iris", "--layers", "8:relu,,4:tanh"),
                train("a dropout rate above one", 2, "2", "--dataset", "iris", "--layers", "8:relu,dropout(2)"),
                train("a convolution on rows", 2, "conv2d", "--dataset", "iris", "--layers",
                        "conv2d(filters=2, kernel=3)"),
                train("a kernel larger than the image", 2, "9", "--dataset", "digits", "--layers",
                        "conv2d(filters=2, kernel=9)"),
                train("an input shape that does not fit the rows", 2, "3x3x3", "--dataset", "iris", "--input-shape",
                        "3x3x3", "--layers", "4:relu"),
                train("a negative learning rate", 2, "-1", "--dataset", "iris", "--optimizer", "adam(lr=-1)"),
                train("a batch size of zero", 2, "0", "--dataset", "iris", "--batch-size", "0"),
                train("a validation split above one", 2, "1.5", "--dataset", "iris", "--validation-split", "1.5"),
                train("an unknown backend", 2, "nope", "--dataset", "iris", "--backend", "nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void endsInOneClearLineAndNoStackTrace(BadInput input) {
        Cli.Run run = Cli.run(input.args().get()).failed(input.code());
        List<String> errors = run.err().lines().filter(line -> line.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), run::err);
        assertTrue(errors.get(0).contains(input.mentions()), run::err);
        List<String> others = run.err().lines().filter(line -> !line.startsWith("error: ")
                && !line.startsWith("Try '") && !line.isBlank()).toList();
        assertEquals(List.of(), others, run::err);
    }
}

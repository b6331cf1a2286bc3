package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models exported by PyTorch 1.13's {@code torch.onnx.export} (src/test/resources/pytorch, made by
 * make_fixtures.py there): imported on each backend, they give the outputs PyTorch recorded, within 1e-5.
 */
class PyTorchImportTest {

    static Stream<Arguments> fixtures() {
        return Stream.of("mlp", "batchnorm", "layernorm", "activations")
                .flatMap(name -> Stream.of("plain", "nd4j").flatMap(backend -> Networks.dtypes().stream()
                        .map(dtype -> Arguments.of(name, backend, dtype))));
    }

    @ParameterizedTest(name = "{0} on {1} in {2}")
    @MethodSource("fixtures")
    void importedModelsReproducePyTorchsOutputs(String name, String backend, DType dtype) throws Exception {
        Chainrule chainrule = backend.equals("plain") ? Networks.plain() : Chainrule.create(backend);
        byte[] model = resource(name + ".onnx");
        double[][] input = rows(resource(name + ".input.csv"));
        double[][] expected = rows(resource(name + ".output.csv"));
        ImportedModel imported = new OnnxImporter(chainrule.backend(), chainrule.plugins())
                .decode(model, name + ".onnx", dtype);
        double[][] actual = imported.network().predict(input);
        double difference = Networks.difference(expected, actual);
        assertTrue(difference <= 1e-5, name + " as " + imported.network().layers() + " differs from PyTorch by "
                + difference);
        assertTrue(Networks.difference(expected, OnnxRuntime.run(model, input, DType.FLOAT32)) <= 1e-5,
                "ONNX Runtime disagrees with PyTorch's recorded outputs");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PyTorchImportTest.class.getResourceAsStream("/pytorch/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource pytorch/" + name);
            }
            return in.readAllBytes();
        }
    }

    static double[][] rows(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().map(line -> Arrays.stream(line.split(","))
                .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }
}

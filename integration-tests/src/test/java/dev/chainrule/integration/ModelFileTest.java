package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ScalarActivation;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The model file: round trips on every backend and dtype, and every way a file can be wrong. */
class ModelFileTest {

    private static final double[][] ROWS = {{0.1, -0.2, 0.3, 0.4}, {1, 0.5, -1, 2}};

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.chainrule.testkit.Backends#backendsAndDTypes")
    void aSavedNetworkLoadsAndPredictsTheSameNumbers(TensorBackend backend, DType dtype) throws IOException {
        Network network = Networks.builder(backend, 4).dense(5, "tanh").dense(4, "sigmoid").dense(3, "relu")
                .dense(2, "softmax").dtype(dtype).seed(3).build();
        Path file = folder.resolve("model.crm");
        ModelFile.save(network, Map.of("loss", "categorical_cross_entropy", "classes", "a,b"), file);

        for (TensorBackend target : Backends.all()) {
            SavedModel loaded = ModelFile.load(file, target, Registries.PLUGINS.activations());
            assertEquals(network.toString(), loaded.network().toString());
            assertEquals(dtype, loaded.network().dtype());
            assertEquals(Map.of("loss", "categorical_cross_entropy", "classes", "a,b"), loaded.metadata());
            for (int p = 0; p < network.parameters().size(); p++) {
                assertEquals(network.parameters().get(p).name(), loaded.network().parameters().get(p).name());
                assertArrayEquals(network.parameters().get(p).value().toDoubleArray(),
                        loaded.network().parameters().get(p).value().toDoubleArray());
            }
            double[][] expected = network.predict(ROWS);
            double[][] actual = loaded.network().predict(ROWS);
            for (int r = 0; r < ROWS.length; r++) {
                assertArrayEquals(expected[r], actual[r], dtype == DType.FLOAT64 ? 1e-15 : 1e-6);
            }
        }
    }

    @Test
    void aFloat32ModelCanBeLoadedAsFloat64() throws IOException {
        Network network = Networks.builder(Backends.reference(), 4).dense(3, "tanh").seed(1).build();
        Path file = folder.resolve("model.crm");
        ModelFile.save(network, file);
        Network loaded = ModelFile.load(file, Backends.reference(), Registries.PLUGINS.activations(), DType.FLOAT64)
                .network();
        assertEquals(DType.FLOAT64, loaded.dtype());
        assertArrayEquals(network.parameters().get(0).value().toDoubleArray(),
                loaded.parameters().get(0).value().toDoubleArray());
    }

    @Test
    void activationParametersRoundTripThroughTheirSpec() throws IOException {
        PluginRegistry<Activation> activations = PluginRegistry.of(Activation.class, List.of(new Scaled()));
        Network network = new dev.chainrule.core.network.NetworkBuilder(Backends.reference(), activations::create, 2)
                .dense(2, "test_scaled(factor=2.5)").dtype(DType.FLOAT64).build();
        Path file = folder.resolve("scaled.crm");
        ModelFile.save(network, file);
        Network loaded = ModelFile.load(file, Backends.reference(), activations).network();
        assertEquals("test_scaled(factor=2.5)", loaded.layers().get(0).outputActivation().orElseThrow().spec().toString());
        assertArrayEquals(network.predict(new double[][] {{1, 2}})[0], loaded.predict(new double[][] {{1, 2}})[0]);
    }

    @Test
    void trainableActivationParametersRoundTripByName() throws IOException {
        Network network = Networks.builder(Backends.reference(), 4).dense(3, "prelu(init=0.1)").dense(2, "softmax")
                .dtype(DType.FLOAT64).seed(2).build();
        Parameter slopes = network.parameters().stream()
                .filter(parameter -> parameter.kind() == Parameter.Kind.OTHER).findFirst().orElseThrow();
        slopes.value().backend().assign(new double[] {0.5, -0.25, 2}, slopes.value());
        Path file = folder.resolve("prelu.crm");
        ModelFile.save(network, file);
        Network loaded = ModelFile.load(file, Backends.reference(), Registries.PLUGINS.activations()).network();
        Parameter loadedSlopes = loaded.parameters().stream().filter(parameter -> parameter.name().equals(slopes.name()))
                .findFirst().orElseThrow();
        assertArrayEquals(new double[] {0.5, -0.25, 2}, loadedSlopes.value().toDoubleArray());
        assertArrayEquals(network.predict(ROWS)[1], loaded.predict(ROWS)[1], 1e-15);
    }

    @Test
    void savingReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("model.crm");
        Files.writeString(file, "an older model");
        ModelFile.save(small(), file);
        ModelFile.load(file, Backends.reference(), Registries.PLUGINS.activations());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFlippedByteFailsTheChecksum() {
        byte[] bytes = ModelFile.encode(small(), Map.of());
        bytes[bytes.length - 10] ^= 1;
        String message = failure(bytes);
        assertTrue(message.contains("corrupt") && message.contains("checksum"), message);
    }

    @Test
    void aTruncatedFileSaysSo() {
        byte[] bytes = ModelFile.encode(small(), Map.of());
        String message = failure(Arrays.copyOf(bytes, bytes.length - 20));
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void anotherFileIsNotAModel() {
        String message = failure("layers: 3\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(message.contains("is not a Chainrule model file"), message);
        assertTrue(failure(new byte[0]).contains("is not a Chainrule model file"));
    }

    @Test
    void aNewerVersionIsNamed() {
        byte[] bytes = ModelFile.encode(small(), Map.of());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
        String message = failure(bytes);
        assertTrue(message.contains("version 7") && message.contains("newer"), message);
    }

    @Test
    void aMissingActivationPluginIsNamedWithHowToAddIt() {
        byte[] bytes = ModelFile.encode(small(), Map.of());
        List<Activation> withoutTanh = new ArrayList<>(Registries.activations()
                .filter(activation -> !activation.name().equals("tanh")).toList());
        PluginRegistry<Activation> registry = PluginRegistry.of(Activation.class, withoutTanh);
        ModelFileException error = assertThrows(ModelFileException.class,
                () -> ModelFile.decode(bytes, "model.crm", Backends.reference(), registry, null));
        assertTrue(error.getMessage().contains("'tanh'") && error.getMessage().contains("class path"),
                error.getMessage());
    }

    private static String failure(byte[] bytes) {
        return assertThrows(ModelFileException.class, () -> ModelFile.decode(bytes, "model.crm", Backends.reference(),
                Registries.PLUGINS.activations(), null)).getMessage();
    }

    private static Network small() {
        return Networks.builder(Backends.reference(), 3).dense(4, "tanh").dense(2, "sigmoid").seed(5).build();
    }

    /** {@code phi(z) = factor * z}: an activation with a parameter, to prove that specs round-trip. */
    static final class Scaled extends ScalarActivation {
        private final double factor;

        Scaled() {
            this(1);
        }

        private Scaled(double factor) {
            this.factor = factor;
        }

        @Override
        public String name() {
            return "test_scaled";
        }

        @Override
        public Activation configure(Arguments arguments) {
            return new Scaled(arguments.number("factor", 1));
        }

        @Override
        public Spec spec() {
            return Spec.of(name()).with("factor", factor);
        }

        @Override
        protected double phi(double x) {
            return factor * x;
        }

        @Override
        protected double derivative(double x, double phiX) {
            return factor;
        }
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files of format version 1, written before layers were plugins, still load: {@code v1-model.crm} was written
 * by the last code that wrote version 1 (see {@code v1-model.md} beside it), and its predictions were recorded then.
 * Files of version 2 carry every layer's spec and state.
 */
class ModelFileVersionOneTest {

    private static final double[][] ROWS = {{0.5, -1, 2}, {-0.25, 0.75, 0}};
    private static final double[][] RECORDED = {{3.212942829122767E-5, 0.9999678134918213},
        {0.5383903384208679, 0.4616096317768097}};

    static byte[] fixture() throws IOException {
        try (InputStream in = ModelFileVersionOneTest.class.getResourceAsStream("v1-model.crm")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.testkit.Backends#backends")
    void aVersionOneFileLoadsWithItsPredictions(TensorBackend backend) throws IOException {
        byte[] bytes = fixture();
        assertEquals(1, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(8), "the fixture is version 1");
        SavedModel saved = ModelFile.decode(bytes, "v1-model.crm", backend, Registries.PLUGINS.layers(),
                Registries.PLUGINS.activations(), null);
        Network network = saved.network();
        assertEquals("3 inputs -> 4 prelu(init=0.25) -> 3 leaky_relu(alpha=0.2) -> 2 softmax", network.toString());
        assertEquals("dense(units=4, activation=prelu(init=0.25))", network.layers().get(0).spec().toString());
        assertEquals(DType.FLOAT32, network.dtype());
        assertEquals("fixture", saved.metadata().get("dataset"));
        double[][] predictions = network.predict(ROWS);
        for (int r = 0; r < ROWS.length; r++) {
            assertArrayEquals(RECORDED[r], predictions[r], 1e-6, "row " + r);
        }
    }

    @Test
    void aVersionOneFileResavesAsVersionTwoWithTheSameNetwork() throws IOException {
        TensorBackend backend = Backends.reference();
        Network network = ModelFile.decode(fixture(), "v1-model.crm", backend, Registries.PLUGINS.layers(),
                Registries.PLUGINS.activations(), null).network();
        byte[] again = ModelFile.encode(network, Map.of());
        assertEquals(ModelFile.VERSION, ByteBuffer.wrap(again).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
        Network reloaded = ModelFile.decode(again, "again.crm", backend, Registries.PLUGINS.layers(),
                Registries.PLUGINS.activations(), null).network();
        assertArrayEquals(network.predict(ROWS)[1], reloaded.predict(ROWS)[1]);
    }

    @Test
    void stateSurvivesAndAnUnknownLayerIsNamed() throws IOException {
        TensorBackend backend = Backends.reference();
        Network network = Registries.networkBuilder(backend, FeatureShape.flat(3)).dense(4, "relu")
                .layer("batch_norm(momentum=0.2)").dense(2, "softmax").dtype(DType.FLOAT64).seed(5).build();
        network.state().forEach(state -> backend.binary(BinaryOp.ADD, state.value(), 0.375, state.value()));
        byte[] bytes = ModelFile.encode(network, Map.of());
        String header = new String(bytes, 16, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"spec\":\"batch_norm(momentum=0.2, eps=1.0E-5)\""), header);
        assertTrue(header.contains("\"name\":\"layer 2 running_var\""), header);
        Network loaded = ModelFile.decode(bytes, "bn.crm", backend, Registries.PLUGINS.layers(),
                Registries.PLUGINS.activations(), null).network();
        for (int s = 0; s < network.state().size(); s++) {
            assertArrayEquals(network.state().get(s).value().toDoubleArray(),
                    loaded.state().get(s).value().toDoubleArray());
        }
        assertArrayEquals(network.predict(ROWS)[0], loaded.predict(ROWS)[0]);

        var withoutNorm = dev.chainrule.core.plugin.PluginRegistry.of(dev.chainrule.core.network.Layer.class,
                java.util.List.of(new dev.chainrule.core.network.DenseLayer()));
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelFile.decode(bytes, "bn.crm",
                backend, withoutNorm, Registries.PLUGINS.activations(), null));
        assertTrue(error.getMessage().contains("layer 2 is a 'batch_norm' layer, which is not on the class path")
                && error.getMessage().contains("the layers found are: dense"), error.getMessage());
    }
}

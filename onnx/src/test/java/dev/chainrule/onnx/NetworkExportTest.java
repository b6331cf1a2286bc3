package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks mixing layers and activations, on both backends, exported and run by ONNX Runtime; the saved
 * preprocessing as operators; the graph's shape and metadata; a third-party activation without a mapping.
 */
class NetworkExportTest {

    private static final String MIXED = "mixed";

    static Stream<Arguments> backendsAndDtypes() {
        return Stream.of("plain", "nd4j").flatMap(backend -> Networks.dtypes().stream()
                .map(dtype -> Arguments.of(backend, dtype)));
    }

    static Network mixed(Chainrule chainrule, DType dtype) {
        return Networks.build(chainrule, 6, dtype, 23, builder -> builder
                .dense(16, "tanh").layer("batch_norm(momentum=0.2, eps=0.001)").layer("dropout(rate=0.3)")
                .dense(12, "sigmoid").layer("alpha_dropout(0.1)").dense(10, "relu").layer("layer_norm")
                .layer("gaussian_noise(0.2)").dense(9, "gelu").layer("gaussian_dropout(0.2)")
                .layer("activation(function=mish)").dense(8, "leaky_relu(0.2)").dense(5, "softmax"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("backendsAndDtypes")
    void aMixedNetworkMatchesOnnxRuntime(String backend, DType dtype) throws Exception {
        Network network = mixed(backend.equals("plain") ? Networks.plain() : Chainrule.create(backend), dtype);
        ActivationExportTest.assertMatches(network, dtype, 29);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("backendsAndDtypes")
    void theSavedPreprocessingIsPartOfTheGraph(String backend, DType dtype) throws Exception {
        Network network = Networks.build(Networks.plain(), 3, dtype, 31, builder -> builder.dense(4, "tanh")
                .dense(1, "identity"));
        Standardization input = new Standardization(new double[] {1, -2, 0.5}, new double[] {2, 0.25, 3});
        Standardization output = new Standardization(new double[] {10}, new double[] {4});
        byte[] model = new OnnxExporter().encode(network, new ExportOptions(Optional.of(input), Optional.of(output),
                Map.of()));
        double[][] raw = Networks.in(dtype, Networks.rows(20, 3, 37));
        double[][] actual = OnnxRuntime.run(model, raw, dtype);
        double[][] scaled = new double[raw.length][3];
        for (int r = 0; r < raw.length; r++) {
            for (int c = 0; c < 3; c++) {
                scaled[r][c] = (raw[r][c] - input.offset()[c]) / input.scale()[c];
            }
        }
        double[][] expected = network.predict(scaled);
        for (double[] row : expected) {
            row[0] = row[0] * 4 + 10;
        }
        assertTrue(Networks.difference(expected, actual) <= Networks.tolerance(dtype) * 10,
                "difference " + Networks.difference(expected, actual));
    }

    @Test
    void theGraphHasADynamicBatchOpset17AndTheMetadata() throws Exception {
        Network network = mixed(Networks.plain(), DType.FLOAT32);
        ModelProto model = ModelProto.parseFrom(new OnnxExporter().encode(network, new ExportOptions(
                Optional.empty(), Optional.empty(), Map.of("classes", "a\nb"))));
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals("batch", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0)
                .getDimParam());
        assertEquals(6, model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(5, model.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        assertTrue(model.getMetadataPropsList().stream().anyMatch(entry -> entry.getKey().equals("classes")
                && entry.getValue().equals("a\nb")));
        assertTrue(model.getGraph().getNodeList().stream().anyMatch(node -> node.getOpType().equals("Gemm")));
        assertTrue(model.getGraph().getNodeList().stream()
                .anyMatch(node -> node.getOpType().equals("BatchNormalization")));
        assertTrue(model.getGraph().getNodeList().stream()
                .anyMatch(node -> node.getOpType().equals("LayerNormalization")));
    }

    @Test
    void aThirdPartyActivationExportsThroughItsRegisteredMapping() throws Exception {
        for (DType dtype : Networks.dtypes()) {
            ActivationExportTest.assertMatches(network(dtype, new Square()), dtype, 61);
        }
    }

    @Test
    void anActivationWithoutAMappingFailsNamingItAndWhatToImplement() {
        Activation unmapped = new Square() {
            @Override
            public String name() {
                return "unmapped";
            }
        };
        OnnxException error = assertThrows(OnnxException.class,
                () -> new OnnxExporter().encode(network(DType.FLOAT32, unmapped), ExportOptions.none()));
        assertTrue(error.getMessage().startsWith("cannot export layer 1 (dense(units=3, activation=unmapped)): the "
                + "activation 'unmapped' has no ONNX mapping. Implement dev.chainrule.onnx.ActivationMapping for it "
                + "(activation() returning \"unmapped\") and register it in META-INF/services/"
                + "dev.chainrule.onnx.ActivationMapping; activations with a mapping: celu, "), error.getMessage());
    }

    private static Network network(DType dtype, Activation activation) {
        PluginRegistry<Activation> activations = PluginRegistry.of(Activation.class, List.of(activation));
        return new NetworkBuilder(Networks.plain().backend(), activations::create, FeatureShape.flat(2))
                .dtype(dtype).dense(3, activation).build();
    }

    @Test
    void aStandardizationOfTheWrongWidthIsRefused() {
        Network network = Networks.build(Networks.plain(), 3, DType.FLOAT32, 1, builder -> builder.dense(2, "relu"));
        Standardization input = new Standardization(new double[] {1, 2}, new double[] {1, 1});
        OnnxException error = assertThrows(OnnxException.class, () -> new OnnxExporter().encode(network,
                new ExportOptions(Optional.of(input), Optional.empty(), Map.of())));
        assertEquals("the input standardization has 2 features but the network's input has 3", error.getMessage());
    }
}

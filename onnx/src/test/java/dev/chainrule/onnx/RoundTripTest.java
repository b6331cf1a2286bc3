package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chainrule -> ONNX -> Chainrule: the same layers, bit-identical parameters and state, the same outputs. */
class RoundTripTest {

    static Stream<Arguments> backendsAndDtypes() {
        return NetworkExportTest.backendsAndDtypes();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("backendsAndDtypes")
    void aMixedNetworkComesBackBitIdentical(String backend, DType dtype) throws Exception {
        Chainrule chainrule = backend.equals("plain") ? Networks.plain() : Chainrule.create(backend);
        Network network = Networks.build(chainrule, 6, dtype, 41, builder -> builder.dense(9, "gelu")
                .layer("batch_norm(momentum=0.2)").layer("dropout(0.25)").dense(8, "prelu(init=0.3)")
                .layer("layer_norm(eps=0.001)").dense(7, "softplus(beta=2)").layer("activation(function=celu(2))")
                .dense(3, "log_softmax"));
        Standardization input = new Standardization(new double[] {1, 2, 3, 4, 5, 6}, new double[] {6, 5, 4, 3, 2, 1});
        byte[] bytes = new OnnxExporter().encode(network, new ExportOptions(Optional.of(input), Optional.empty(),
                Map.of("task", "classification")));
        ImportedModel imported = new OnnxImporter(chainrule.backend(), chainrule.plugins())
                .decode(bytes, "model.onnx", null);
        assertSame(network, imported.network());
        assertEquals(Optional.of(input), imported.input());
        assertEquals(Map.of("task", "classification"), imported.metadata());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("backendsAndDtypes")
    void aNetworkOfStandardOperatorsIsReadFromItsOperatorsAlone(String backend, DType dtype) throws Exception {
        Chainrule chainrule = backend.equals("plain") ? Networks.plain() : Chainrule.create(backend);
        Network network = Networks.build(chainrule, 5, dtype, 43, builder -> builder.dense(8, "tanh")
                .layer("dropout(0.1)").dense(6, "relu").layer("layer_norm").dense(4, "sigmoid").dense(3, "softmax"));
        Standardization output = new Standardization(new double[] {1, 2, 3}, new double[] {0.5, 2, 4});
        ModelProto model = ModelProto.parseFrom(new OnnxExporter().encode(network, new ExportOptions(
                Optional.empty(), Optional.of(output), Map.of())));
        byte[] withoutSpecs = model.toBuilder().clearMetadataProps().build().toByteArray();
        ImportedModel imported = new OnnxImporter(chainrule.backend(), chainrule.plugins())
                .decode(withoutSpecs, "model.onnx", null);
        assertEquals(List.of("dense(units=8, activation=tanh)", "dense(units=6, activation=relu)",
                "layer_norm(eps=1.0E-5)", "dense(units=4, activation=sigmoid)", "dense(units=3, activation=softmax)"),
                imported.network().layers().stream().map(layer -> layer.spec().toString()).toList());
        assertEquals(Optional.of(output), imported.output());
        double[][] rows = Networks.in(dtype, Networks.rows(10, 5, 47));
        assertEquals(0, Networks.difference(network.predict(rows), imported.network().predict(rows)));
    }

    static void assertSame(Network expected, Network actual) {
        assertEquals(expected.layers().stream().map(layer -> layer.spec().toString()).toList(),
                actual.layers().stream().map(layer -> layer.spec().toString()).toList());
        assertEquals(expected.dtype(), actual.dtype());
        assertEquals(expected.parameters().size(), actual.parameters().size());
        for (int i = 0; i < expected.parameters().size(); i++) {
            assertEquals(expected.parameters().get(i).name(), actual.parameters().get(i).name());
            assertArrayEquals(expected.parameters().get(i).value().toDoubleArray(),
                    actual.parameters().get(i).value().toDoubleArray(), 0.0, expected.parameters().get(i).name());
        }
        assertEquals(expected.state().size(), actual.state().size());
        for (int i = 0; i < expected.state().size(); i++) {
            assertArrayEquals(expected.state().get(i).value().toDoubleArray(),
                    actual.state().get(i).value().toDoubleArray(), 0.0, expected.state().get(i).name());
        }
    }
}

package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.onnx.proto.Onnx.AttributeProto;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutional networks exported by PyTorch 1.13 (src/test/resources/pytorch, made by make_conv_fixtures.py there):
 * imported on each backend in both dtypes with the layers and geometry they describe, they give PyTorch's recorded
 * outputs within 1e-5 (as ONNX Runtime does); the graphs Chainrule cannot represent are refused, each with its node, operator and reason; and a Chainrule
 * CNN comes back from its ONNX operators alone with bit-identical parameters.
 */
class ConvolutionImportTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("cnn", "1x8x8", "conv2d(filters=4, kernel=3, stride=1, padding=1, dilation=1, "
                        + "activation=relu); max_pool2d(kernel=2, stride=2, padding=0, dilation=1); conv2d(filters=6, "
                        + "kernel=3, stride=1, padding=1, dilation=1, activation=relu); max_pool2d(kernel=2, stride=2, "
                        + "padding=0, dilation=1); flatten; dense(units=5, activation=identity)"),
                Arguments.of("cnn_view", "2x8x8", "conv2d(filters=3, kernel=3, stride=1, padding=valid, dilation=1, "
                        + "activation=tanh); max_pool2d(kernel=2, stride=2, padding=0, dilation=1); flatten; "
                        + "dense(units=4, activation=softmax)"),
                Arguments.of("strided", "2x9x9", "conv2d(filters=3, kernel=3, stride=2, padding=valid, dilation=1, "
                        + "activation=sigmoid); conv2d(filters=4, kernel=2, stride=2, padding=valid, dilation=1, "
                        + "activation=identity); flatten; dense(units=3, activation=identity)"),
                Arguments.of("strided_dilated_pool", "3x10x9", "conv2d(filters=4, kernel=3, stride=1, padding=2, "
                        + "dilation=2, activation=elu(alpha=1.0)); avg_pool2d(kernel=3, stride=1, padding=1, "
                        + "dilation=1); conv2d(filters=5, kernel=3, stride=2, padding=1, dilation=1, "
                        + "activation=leaky_relu(alpha=0.1)); max_pool2d(kernel=3, stride=1, padding=1, dilation=2); "
                        + "global_avg_pool2d; dense(units=2, activation=identity)"),
                Arguments.of("lenet", "1x28x28", "conv2d(filters=6, kernel=5, stride=1, padding=2, dilation=1, "
                        + "activation=relu); avg_pool2d(kernel=2, stride=2, padding=0, dilation=1); conv2d(filters=16, "
                        + "kernel=5, stride=1, padding=valid, dilation=1, activation=relu); max_pool2d(kernel=2, "
                        + "stride=2, padding=0, dilation=1); flatten; dense(units=120, activation=relu); "
                        + "dense(units=84, activation=relu); dense(units=10, activation=identity)"),
                Arguments.of("conv_bn", "1x8x8", "conv2d(filters=4, kernel=3, stride=1, padding=valid, dilation=1, "
                        + "activation=relu); max_pool2d(kernel=2, stride=2, padding=0, dilation=1); flatten; "
                        + "dense(units=3, activation=identity)"),
                Arguments.of("conv_bn_kept", "1x8x8", "conv2d(filters=4, kernel=3, stride=1, padding=valid, "
                        + "dilation=1, activation=relu); max_pool2d(kernel=2, stride=2, padding=0, dilation=1); "
                        + "flatten; dense(units=3, activation=identity)"))
                .flatMap(fixture -> Stream.of("plain", "nd4j").flatMap(backend -> Networks.dtypes().stream()
                        .map(dtype -> Arguments.of(fixture.get()[0], fixture.get()[1], fixture.get()[2], backend,
                                dtype))));
    }

    @ParameterizedTest(name = "{0} on {3} in {4}")
    @MethodSource("fixtures")
    void importedNetworksReproducePyTorchsOutputs(String name, String inputShape, String layers, String backend,
            DType dtype) throws Exception {
        Chainrule chainrule = backend.equals("plain") ? Networks.plain() : Chainrule.create(backend);
        double[][] input = PyTorchImportTest.rows(PyTorchImportTest.resource(name + ".input.csv"));
        double[][] expected = PyTorchImportTest.rows(PyTorchImportTest.resource(name + ".output.csv"));
        byte[] model = PyTorchImportTest.resource(name + ".onnx");
        assertTrue(Networks.difference(expected, OnnxRuntime.run(model, input, DType.FLOAT32)) <= 1e-5,
                "ONNX Runtime disagrees with PyTorch's recorded outputs");
        Network network = new OnnxImporter(chainrule.backend(), chainrule.plugins())
                .decode(model, name + ".onnx", dtype).network();
        assertEquals(inputShape, network.inputShape().toString());
        assertEquals(layers, String.join("; ", network.layers().stream().map(layer -> layer.spec().toString())
                .toList()));
        double difference = Networks.difference(expected, network.predict(input));
        assertTrue(difference <= 1e-5, name + " differs from PyTorch by " + difference);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            refused_groups        | node '/0/Conv' (Conv) has group 2 (a grouped or depthwise convolution)
            refused_rectangular   | node '/0/Conv' (Conv) has kernel_shape [3, 1], different along height and width
            refused_ceil_mode     | node '/1/MaxPool' (MaxPool) has ceil_mode 1, which adds a partial window
            refused_channels_last | node '/0/Transpose' (Transpose) permutes the axes by [0, 3, 1, 2] (a channels-last
            refused_bn_after_relu | (BatchNormalization) normalises each channel of 4x6x6 images, but not right after a Conv
            """)
    void graphsChainruleCannotRepresentAreRefusedWithTheirReason(String name, String message) throws Exception {
        byte[] model = PyTorchImportTest.resource(name + ".onnx");
        OnnxException error = assertThrows(OnnxException.class, () -> new OnnxImporter(Networks.plain().backend(),
                Networks.plain().plugins()).decode(model, name + ".onnx", null));
        assertTrue(error.getMessage().startsWith(name + ".onnx: ") && error.getMessage().contains(message),
                error.getMessage());
    }

    /** A PyTorch fixture with one node (by name) changed, and what Chainrule must say refusing it. */
    static Stream<Arguments> editedGraphs() {
        UnaryOperator<NodeProto.Builder> globalMax = node -> node.setOpType("GlobalMaxPool").clearAttribute();
        UnaryOperator<NodeProto.Builder> paddedAverage = node -> node.setOpType("AveragePool")
                .addAttribute(AttributeProto.newBuilder().setName("pads").addAllInts(List.of(1L, 1L, 1L, 1L)));
        UnaryOperator<NodeProto.Builder> layerNorm = node -> node.setOpType("LayerNormalization");
        UnaryOperator<NodeProto.Builder> softmax = node -> node.setOpType("Softmax").clearAttribute();
        return Stream.of(
                Arguments.of("cnn", "/2/MaxPool", globalMax,
                        "node '/2/MaxPool' (GlobalMaxPool): Chainrule has no global max pooling"),
                Arguments.of("cnn", "/0/Conv", ints("pads", 0, 0, 1, 1), "node '/0/Conv' (Conv) pads its 1x8x8 input "
                        + "by (top 0, left 0, bottom 1, right 1); Chainrule's windows pad the same on every side, or "
                        + "as 'same'"),
                Arguments.of("cnn", "/0/Conv", ints("strides", 1, 2),
                        "node '/0/Conv' (Conv) has strides [1, 2], different along height and width"),
                Arguments.of("cnn", "/2/MaxPool", ints("dilations", 2, 1),
                        "node '/2/MaxPool' (MaxPool) has dilations [2, 1]"),
                Arguments.of("cnn", "/2/MaxPool", paddedAverage, "node '/2/MaxPool' (AveragePool) leaves its padding "
                        + "out of its averages (count_include_pad 0)"),
                Arguments.of("cnn", "/1/Relu", layerNorm,
                        "node '/1/Relu' (LayerNormalization) normalises along the last axis of 4x8x8 images"),
                Arguments.of("strided_dilated_pool", "/7/Flatten", softmax,
                        "node '/7/Flatten' (Softmax) works on 5x1x1 images per axis or channel"));
    }

    private static UnaryOperator<NodeProto.Builder> ints(String name, long... values) {
        return node -> {
            AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                    .setType(AttributeProto.AttributeType.INTS);
            Arrays.stream(values).forEach(attribute::addInts);
            for (int i = 0; i < node.getAttributeCount(); i++) {
                if (node.getAttribute(i).getName().equals(name)) {
                    return node.setAttribute(i, attribute);
                }
            }
            return node.addAttribute(attribute);
        };
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("editedGraphs")
    void editedPyTorchGraphsAreRefusedWithTheirReason(String name, String node,
            UnaryOperator<NodeProto.Builder> edit, String message) throws Exception {
        ModelProto.Builder model = ModelProto.parseFrom(PyTorchImportTest.resource(name + ".onnx")).toBuilder();
        model.getGraphBuilder().getNodeBuilderList().stream().filter(builder -> builder.getName().equals(node))
                .forEach(edit::apply);
        OnnxException error = assertThrows(OnnxException.class, () -> new OnnxImporter(Networks.plain().backend(),
                Networks.plain().plugins()).decode(model.build().toByteArray(), name + ".onnx", null));
        assertTrue(error.getMessage().startsWith(name + ".onnx: " + message), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            conv2d(filters=3, kernel=3, padding=same, activation=relu);max_pool2d(2);conv2d(filters=4, kernel=2, stride=2, padding=1);flatten;dense:5:softmax
            conv2d(filters=2, kernel=3, stride=2, dilation=2, padding=same, activation=tanh);avg_pool2d(kernel=3, stride=1, padding=1);global_avg_pool2d;dense:3:identity
            """)
    void aChainruleCnnComesBackFromItsOperatorsAloneBitIdentical(String layers) throws Exception {
        Network network = Networks.build(Networks.plain(), new FeatureShape(2, 9, 8), DType.FLOAT32, 73, Networks.layers(layers));
        ModelProto model = ModelProto.parseFrom(new OnnxExporter().encode(network, ExportOptions.none()));
        byte[] operatorsOnly = model.toBuilder().clearMetadataProps().build().toByteArray();
        Network back = new OnnxImporter(Networks.plain().backend(), Networks.plain().plugins())
                .decode(operatorsOnly, "cnn.onnx", null).network();
        assertEquals(network.inputShape(), back.inputShape());
        assertEquals(names(network.layers()), names(back.layers()));
        assertEquals(network.parameters().size(), back.parameters().size());
        for (int i = 0; i < network.parameters().size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(network.parameters().get(i).value().toDoubleArray(),
                    back.parameters().get(i).value().toDoubleArray(), 0.0, network.parameters().get(i).name());
        }
        double[][] rows = Networks.rows(6, network.inputShape().size(), 79);
        assertEquals(0, Networks.difference(network.predict(rows), back.predict(rows)));
    }

    private static List<String> names(List<Layer> layers) {
        return layers.stream().map(Layer::name).toList();
    }
}

package dev.chainrule.onnx;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutional networks (conv2d with valid, same, numeric, strided and dilated windows, max and average pooling,
 * global average pooling, flatten) exported and run by ONNX Runtime: Chainrule's outputs within 1e-5 (float32) and
 * 1e-12 (float64); and read back with bit-identical parameters.
 */
class ConvolutionExportTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                "conv2d(filters=4, kernel=3, padding=same, activation=relu);max_pool2d(2);"
                        + "conv2d(filters=3, kernel=3, stride=2, padding=1, activation=tanh);flatten;dense:5:softmax",
                "conv2d(filters=3, kernel=2, padding=same, activation=elu);avg_pool2d(kernel=3, stride=1, padding=1);"
                        + "conv2d(filters=2, kernel=3, dilation=2, activation=sigmoid);global_avg_pool2d;dense:3:identity",
                "conv2d(filters=2, kernel=3, stride=2, padding=same);max_pool2d(kernel=2, stride=1, padding=1, "
                        + "dilation=2);flatten;batch_norm;dense:4:gelu")
                .flatMap(layers -> Networks.dtypes().stream().map(dtype -> Arguments.of(layers, dtype)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("networks")
    void convolutionalNetworksMatchOnnxRuntimeAndComeBack(String layers, DType dtype) throws Exception {
        Network network = Networks.build(Networks.plain(), new FeatureShape(2, 9, 8), dtype, 67, Networks.layers(layers));
        ActivationExportTest.assertMatches(network, dtype, 71);
        ImportedModel back = new OnnxImporter(Networks.plain().backend(), Networks.plain().plugins())
                .decode(new OnnxExporter().encode(network, ExportOptions.none()), "cnn.onnx", null);
        RoundTripTest.assertSame(network, back.network());
        org.junit.jupiter.api.Assertions.assertEquals(Optional.empty(), back.input());
    }
}

package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.onnx.proto.Onnx.GraphProto;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import dev.chainrule.onnx.proto.Onnx.OperatorSetIdProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why the exporter writes some activations as formulas in float64 graphs: ONNX Runtime's CPU provider has no float64
 * kernel for these operators. When a newer ONNX Runtime adds one, this test fails: drop the operator from
 * {@link BuiltInActivations#FLOAT_ONLY}.
 */
class OnnxRuntimeKernelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Elu", "Celu", "Selu", "HardSigmoid", "HardSwish", "Softplus", "Softsign",
        "ThresholdedRelu", "Erf"})
    void theseOperatorsHaveNoFloat64Kernel(String op) throws Exception {
        assertTrue(BuiltInActivations.FLOAT_ONLY.contains(op));
        OnnxRuntime.run(model(op, DType.FLOAT32), new double[][] {{0.5, -1, 2}}, DType.FLOAT32);
        assertThrows(OrtException.class,
                () -> OnnxRuntime.run(model(op, DType.FLOAT64), new double[][] {{0.5, -1, 2}}, DType.FLOAT64));
    }

    private static byte[] model(String op, DType dtype) {
        return ModelProto.newBuilder().setIrVersion(OnnxExporter.IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(OnnxExporter.OPSET))
                .setGraph(GraphProto.newBuilder().addInput(OnnxExporter.value("input", dtype, 3))
                        .addOutput(OnnxExporter.value("output", dtype, 3))
                        .addNode(NodeProto.newBuilder().setOpType(op).addInput("input").addOutput("output")))
                .build().toByteArray();
    }
}

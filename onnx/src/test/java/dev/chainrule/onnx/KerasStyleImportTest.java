package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.onnx.proto.Onnx.AttributeProto;
import dev.chainrule.onnx.proto.Onnx.GraphProto;
import dev.chainrule.onnx.proto.Onnx.ModelProto;
import dev.chainrule.onnx.proto.Onnx.NodeProto;
import dev.chainrule.onnx.proto.Onnx.OperatorSetIdProto;
import dev.chainrule.onnx.proto.Onnx.TensorProto;
import dev.chainrule.onnx.proto.Onnx.TensorShapeProto;
import dev.chainrule.onnx.proto.Onnx.TypeProto;
import dev.chainrule.onnx.proto.Onnx.ValueInfoProto;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Graphs in the shape tf2onnx gives Keras models (Keras is not installable here: it needs TensorFlow), built by hand:
 * an image input flattened, {@code MatMul} + {@code Add} dense layers with weights as float_data, {@code Relu} and
 * {@code Softmax}; ONNX Runtime and the imported network agree. Plus the importer's refusals, one clear message each.
 */
class KerasStyleImportTest {

    private static final Random RANDOM = new Random(53);

    static ModelProto kerasStyle(String hiddenActivation) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("keras")
                .addInput(value("image", TensorProto.DataType.FLOAT_VALUE, 2, 3))
                .addOutput(value("probabilities", TensorProto.DataType.FLOAT_VALUE, 4))
                .addInitializer(floats("dense/kernel", 6, 5)).addInitializer(floats("dense/bias", 5))
                .addInitializer(floats("dense_1/kernel", 5, 4)).addInitializer(floats("dense_1/bias", 4))
                .addNode(node("Flatten", "flatten", "image"))
                .addNode(node("MatMul", "dense/MatMul", "flatten", "dense/kernel"))
                .addNode(node("Add", "dense/BiasAdd", "dense/MatMul", "dense/bias"))
                .addNode(node(hiddenActivation, "dense/Relu", "dense/BiasAdd"))
                .addNode(node("MatMul", "dense_1/MatMul", "dense/Relu", "dense_1/kernel"))
                .addNode(node("Add", "dense_1/BiasAdd", "dense_1/MatMul", "dense_1/bias"))
                .addNode(node("Softmax", "probabilities", "dense_1/BiasAdd"));
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("tf2onnx")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph).build();
    }

    @Test
    void matMulAddFlattenGraphsImportAndAgreeWithOnnxRuntime() throws Exception {
        ModelProto proto = kerasStyle("Relu");
        byte[] model = proto.toByteArray();
        ImportedModel imported = new OnnxImporter(Networks.plain().backend(), Networks.plain().plugins())
                .decode(model, "keras.onnx", null);
        assertEquals("[dense(units=5, activation=relu), dense(units=4, activation=softmax)]",
                imported.network().layers().stream().map(layer -> layer.spec()).toList().toString());
        assertEquals(6, imported.network().inputs());
        double[][] rows = Networks.in(DType.FLOAT32, Networks.rows(9, 6, 59));
        double difference = Networks.difference(OnnxRuntime.run(model, rows, DType.FLOAT32),
                imported.network().predict(rows));
        assertTrue(difference <= 1e-6, "difference " + difference);
        assertArrayEquals(values(proto.getGraph().getInitializer(0)),
                imported.network().parameters().get(0).value().toDoubleArray(), 0.0);
    }

    @Test
    void anUnsupportedOperatorIsRefusedNamingItAndItsNode() {
        OnnxException error = assertThrows(OnnxException.class, () -> decode(kerasStyle("Cos").toByteArray()));
        assertTrue(error.getMessage().startsWith("keras.onnx: node 'dense/Relu' (Cos) is not supported. Chainrule "
                + "imports networks made of: Gemm,"), error.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() {
        byte[] whole = kerasStyle("Relu").toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 17);
        OnnxException error = assertThrows(OnnxException.class, () -> decode(truncated));
        assertTrue(error.getMessage().startsWith("keras.onnx is not a readable ONNX model (malformed or truncated "
                + "protobuf"), error.getMessage());
    }

    @Test
    void aFileThatIsNotProtobufIsRefused() {
        OnnxException error = assertThrows(OnnxException.class,
                () -> decode("not a model at all, just text\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().startsWith("keras.onnx is not"), error.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() {
        OnnxException error = assertThrows(OnnxException.class, () -> decode(new byte[0]));
        assertEquals("keras.onnx is not an ONNX model: it holds no graph with nodes (the file is empty)",
                error.getMessage());
    }

    @Test
    void weightsOfTheWrongShapeAreRefused() {
        ModelProto model = kerasStyle("Relu");
        GraphProto graph = model.getGraph().toBuilder().setInitializer(0, floats("dense/kernel", 7, 5)).build();
        OnnxException error = assertThrows(OnnxException.class,
                () -> decode(model.toBuilder().setGraph(graph).build().toByteArray()));
        assertEquals("keras.onnx: node 'dense/MatMul' (MatMul) has weights of shape [7, 5] that do not take 6 inputs",
                error.getMessage());
    }

    @Test
    void rawDataOfTheWrongLengthIsRefused() {
        ModelProto model = kerasStyle("Relu");
        TensorProto broken = TensorProto.newBuilder().setName("dense/bias").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(5).setRawData(ByteString.copyFrom(new byte[13])).build();
        GraphProto graph = model.getGraph().toBuilder().setInitializer(1, broken).build();
        OnnxException error = assertThrows(OnnxException.class,
                () -> decode(model.toBuilder().setGraph(graph).build().toByteArray()));
        assertEquals("keras.onnx: tensor 'dense/bias' is corrupt: 13 bytes of data for 5 elements of 4 bytes "
                + "(shape [5])", error.getMessage());
    }

    @Test
    void aBranchingGraphIsRefused() {
        ModelProto model = kerasStyle("Relu");
        GraphProto graph = model.getGraph().toBuilder()
                .setNode(4, node("MatMul", "dense_1/MatMul", "flatten", "dense_1/kernel")).build();
        OnnxException error = assertThrows(OnnxException.class,
                () -> decode(model.toBuilder().setGraph(graph).build().toByteArray()));
        assertTrue(error.getMessage().startsWith("keras.onnx: node 'dense_1/MatMul' (MatMul) does not continue the "
                + "chain of layers"), error.getMessage());
    }

    @Test
    void aNewerOpsetIsRefused() {
        ModelProto model = kerasStyle("Relu").toBuilder()
                .setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(99)).build();
        OnnxException error = assertThrows(OnnxException.class, () -> decode(model.toByteArray()));
        assertEquals("keras.onnx uses ONNX opset 99; Chainrule imports opsets 7 to 21", error.getMessage());
    }

    private static ImportedModel decode(byte[] bytes) throws OnnxException {
        return new OnnxImporter(Networks.plain().backend(), Networks.plain().plugins())
                .decode(bytes, "keras.onnx", null);
    }

    private static double[] values(TensorProto tensor) {
        return tensor.getFloatDataList().stream().mapToDouble(Float::doubleValue).toArray();
    }

    private static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        if (op.equals("Flatten")) {
            node.addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                    .setI(1));
        }
        return node.build();
    }

    private static TensorProto floats(String name, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long size = 1;
        for (long dim : dims) {
            tensor.addDims(dim);
            size *= dim;
        }
        for (long i = 0; i < size; i++) {
            tensor.addFloatData((float) RANDOM.nextGaussian());
        }
        return tensor.build();
    }

    private static ValueInfoProto value(String name, int type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }
}

package dev.chainrule.onnx;

import dev.chainrule.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The constant tensors of a graph (initializers and Constant nodes) as numbers, checked against their shapes. */
final class Initializers {

    /** A constant: its ONNX shape and its values, row-major. */
    record Constant(long[] dims, double[] values) {

        long size() {
            return values.length;
        }

        @Override
        public String toString() {
            return Arrays.toString(dims);
        }
    }

    private final String source;
    private final Map<String, Constant> constants = new HashMap<>();

    Initializers(String source) {
        this.source = source;
    }

    void add(TensorProto tensor) throws OnnxException {
        constants.put(tensor.getName(), read(tensor, source));
    }

    void add(String name, TensorProto tensor) throws OnnxException {
        constants.put(name, read(tensor, source));
    }

    boolean has(String name) {
        return constants.containsKey(name);
    }

    Map<String, Constant> all() {
        return Map.copyOf(constants);
    }

    Constant get(String name) {
        return constants.get(name);
    }

    static Constant read(TensorProto tensor, String source) throws OnnxException {
        String where = source + ": tensor '" + tensor.getName() + "'";
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL || tensor.getExternalDataCount() > 0) {
            throw new OnnxException(where + " is stored in an external file; Chainrule reads models whose tensors "
                    + "are inside the .onnx file");
        }
        long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long size = 1;
        for (long dim : dims) {
            if (dim < 0) {
                throw new OnnxException(where + " has a negative dimension: " + Arrays.toString(dims));
            }
            size = Math.multiplyExact(size, dim);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new OnnxException(where + " has " + size + " elements, more than a Java array holds");
        }
        int type = tensor.getDataType();
        int width = switch (type) {
            case TensorProto.DataType.FLOAT_VALUE, TensorProto.DataType.INT32_VALUE -> 4;
            case TensorProto.DataType.DOUBLE_VALUE, TensorProto.DataType.INT64_VALUE -> 8;
            default -> throw new OnnxException(where + " has element type " + TensorProto.DataType.forNumber(type)
                    + "; Chainrule reads float, double, int32 and int64 tensors");
        };
        double[] values = new double[(int) size];
        if (!tensor.getRawData().isEmpty()) {
            if (tensor.getRawData().size() != size * width) {
                throw new OnnxException(where + " is corrupt: " + tensor.getRawData().size() + " bytes of data for "
                        + size + " elements of " + width + " bytes (shape " + Arrays.toString(dims) + ")");
            }
            ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (type) {
                    case TensorProto.DataType.FLOAT_VALUE -> raw.getFloat();
                    case TensorProto.DataType.INT32_VALUE -> raw.getInt();
                    case TensorProto.DataType.DOUBLE_VALUE -> raw.getDouble();
                    default -> raw.getLong();
                };
            }
        } else {
            int count = switch (type) {
                case TensorProto.DataType.FLOAT_VALUE -> tensor.getFloatDataCount();
                case TensorProto.DataType.INT32_VALUE -> tensor.getInt32DataCount();
                case TensorProto.DataType.DOUBLE_VALUE -> tensor.getDoubleDataCount();
                default -> tensor.getInt64DataCount();
            };
            if (count != size) {
                throw new OnnxException(where + " is corrupt: " + count + " values for shape " + Arrays.toString(dims));
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (type) {
                    case TensorProto.DataType.FLOAT_VALUE -> tensor.getFloatData(i);
                    case TensorProto.DataType.INT32_VALUE -> tensor.getInt32Data(i);
                    case TensorProto.DataType.DOUBLE_VALUE -> tensor.getDoubleData(i);
                    default -> tensor.getInt64Data(i);
                };
            }
        }
        return new Constant(dims, values);
    }
}

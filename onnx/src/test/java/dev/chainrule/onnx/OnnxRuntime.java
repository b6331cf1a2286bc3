package dev.chainrule.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.chainrule.core.tensor.DType;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an ONNX model in ONNX Runtime's Java API on rows of numbers, the reference the tests compare against. */
final class OnnxRuntime {

    private OnnxRuntime() {
    }

    /** The model's output for {@code rows}, fed in {@code dtype}. */
    static double[][] run(byte[] model, double[][] rows, DType dtype) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            try (OrtSession session = environment.createSession(model, options)) {
                return run(environment, session, rows, dtype);
            }
        }
    }

    private static double[][] run(OrtEnvironment environment, OrtSession session, double[][] rows, DType dtype)
            throws OrtException {
        int width = rows[0].length;
        String input = session.getInputNames().iterator().next();
        long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
        shape[0] = rows.length;
        OnnxTensor tensor;
        if (dtype == DType.FLOAT64) {
            double[] flat = new double[rows.length * width];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(rows[r], 0, flat, r * width, width);
            }
            tensor = OnnxTensor.createTensor(environment, DoubleBuffer.wrap(flat), shape);
        } else {
            float[] flat = new float[rows.length * width];
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < width; c++) {
                    flat[r * width + c] = (float) rows[r][c];
                }
            }
            tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(flat), shape);
        }
        try (tensor; OrtSession.Result result = session.run(Map.of(input, tensor))) {
            Object value = result.get(0).getValue();
            if (value instanceof double[][] doubles) {
                return doubles;
            }
            float[][] floats = (float[][]) value;
            double[][] out = new double[floats.length][];
            for (int r = 0; r < floats.length; r++) {
                out[r] = new double[floats[r].length];
                for (int c = 0; c < floats[r].length; c++) {
                    out[r][c] = floats[r][c];
                }
            }
            return out;
        }
    }
}

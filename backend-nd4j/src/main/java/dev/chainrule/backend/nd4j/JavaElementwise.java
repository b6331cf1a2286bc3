package dev.chainrule.backend.nd4j;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Maximum, minimum and comparisons computed on the Java side, window by window ({@link Staging}), with Java's own
 * semantics and so without the corrections that ND4J's kernels need: ND4J's maximum drops a NaN (a second pass put it
 * back) and its comparisons write a BOOL mask (a second pass cast it to numbers), and each of those passes cost about
 * as much as the call overhead of ND4J's operations on the seed network's tensors. Here {@code max} and {@code min}
 * are {@link Math#max} and {@link Math#min}, which the JIT vectorises; a comparison is 1 where it holds and 0 where it
 * does not (NaN compares false), {@code x > y} computed as {@code y < x}. {@code out} may be either operand.
 */
final class JavaElementwise {

    private JavaElementwise() {
    }

    /** Whether {@code op} is computed here. */
    static boolean covers(BinaryOp op) {
        return op != BinaryOp.ADD && op != BinaryOp.SUB && op != BinaryOp.MUL && op != BinaryOp.DIV
                && op != BinaryOp.POW;
    }

    /**
     * {@code out = a op b} for a scalar {@code b}, already rounded to the dtype; checks are done. The scalar fills one
     * window, which then serves as the second operand of every window of {@code a}.
     */
    static void scalar(BinaryOp op, Nd4jTensor a, double b, Nd4jTensor out, Staging staging) {
        int count = a.shape().size();
        if (a.dtype() == DType.FLOAT32) {
            float[] x = staging.floats(0);
            float[] y = staging.floats(1);
            float[] z = staging.floats(2);
            Arrays.fill(y, (float) b);
            FloatBuffer from = a.floats();
            FloatBuffer to = out.floats();
            for (int start = 0; start < count; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - start);
                from.get(start, x, 0, length);
                floats(op, x, y, z, length);
                to.put(start, z, 0, length);
            }
        } else {
            double[] x = staging.doubles(0);
            double[] y = staging.doubles(1);
            double[] z = staging.doubles(2);
            Arrays.fill(y, b);
            DoubleBuffer from = a.doubles();
            DoubleBuffer to = out.doubles();
            for (int start = 0; start < count; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - start);
                from.get(start, x, 0, length);
                doubles(op, x, y, z, length);
                to.put(start, z, 0, length);
            }
        }
    }

    /** {@code out = a op b} for {@code b} of {@code a}'s shape; checks are done. */
    static void pairwise(BinaryOp op, Nd4jTensor a, Nd4jTensor b, Nd4jTensor out, Staging staging) {
        int count = a.shape().size();
        if (a.dtype() == DType.FLOAT32) {
            float[] x = staging.floats(0);
            float[] y = staging.floats(1);
            float[] z = staging.floats(2);
            FloatBuffer left = a.floats();
            FloatBuffer right = b.floats();
            FloatBuffer to = out.floats();
            for (int start = 0; start < count; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - start);
                left.get(start, x, 0, length);
                right.get(start, y, 0, length);
                floats(op, x, y, z, length);
                to.put(start, z, 0, length);
            }
        } else {
            double[] x = staging.doubles(0);
            double[] y = staging.doubles(1);
            double[] z = staging.doubles(2);
            DoubleBuffer left = a.doubles();
            DoubleBuffer right = b.doubles();
            DoubleBuffer to = out.doubles();
            for (int start = 0; start < count; start += Staging.WINDOW) {
                int length = Math.min(Staging.WINDOW, count - start);
                left.get(start, x, 0, length);
                right.get(start, y, 0, length);
                doubles(op, x, y, z, length);
                to.put(start, z, 0, length);
            }
        }
    }

    private static void floats(BinaryOp op, float[] x, float[] y, float[] z, int length) {
        switch (op) {
            case MAX -> {
                for (int i = 0; i < length; i++) {
                    z[i] = Math.max(x[i], y[i]);
                }
            }
            case MIN -> {
                for (int i = 0; i < length; i++) {
                    z[i] = Math.min(x[i], y[i]);
                }
            }
            case LESS, GREATER -> {
                float[] left = op == BinaryOp.LESS ? x : y;
                float[] right = op == BinaryOp.LESS ? y : x;
                for (int i = 0; i < length; i++) {
                    z[i] = left[i] < right[i] ? 1 : 0;
                }
            }
            case LESS_EQUAL, GREATER_EQUAL -> {
                float[] left = op == BinaryOp.LESS_EQUAL ? x : y;
                float[] right = op == BinaryOp.LESS_EQUAL ? y : x;
                for (int i = 0; i < length; i++) {
                    z[i] = left[i] <= right[i] ? 1 : 0;
                }
            }
            case EQUAL -> {
                for (int i = 0; i < length; i++) {
                    z[i] = x[i] == y[i] ? 1 : 0;
                }
            }
            default -> throw new IllegalArgumentException(op + " is not computed on the Java side");
        }
    }

    private static void doubles(BinaryOp op, double[] x, double[] y, double[] z, int length) {
        switch (op) {
            case MAX -> {
                for (int i = 0; i < length; i++) {
                    z[i] = Math.max(x[i], y[i]);
                }
            }
            case MIN -> {
                for (int i = 0; i < length; i++) {
                    z[i] = Math.min(x[i], y[i]);
                }
            }
            case LESS, GREATER -> {
                double[] left = op == BinaryOp.LESS ? x : y;
                double[] right = op == BinaryOp.LESS ? y : x;
                for (int i = 0; i < length; i++) {
                    z[i] = left[i] < right[i] ? 1 : 0;
                }
            }
            case LESS_EQUAL, GREATER_EQUAL -> {
                double[] left = op == BinaryOp.LESS_EQUAL ? x : y;
                double[] right = op == BinaryOp.LESS_EQUAL ? y : x;
                for (int i = 0; i < length; i++) {
                    z[i] = left[i] <= right[i] ? 1 : 0;
                }
            }
            case EQUAL -> {
                for (int i = 0; i < length; i++) {
                    z[i] = x[i] == y[i] ? 1 : 0;
                }
            }
            default -> throw new IllegalArgumentException(op + " is not computed on the Java side");
        }
    }
}

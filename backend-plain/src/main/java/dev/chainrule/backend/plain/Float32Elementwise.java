package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The element-wise operations on FLOAT32 arrays, one plain loop per operation so that the JIT compiles each to
 * vector instructions where the hardware has them. Each loop computes what {@link ScalarFunctions} defines; the
 * functions without a float form (exp, tanh, ...) are computed in double and rounded. Every method <b>modifies</b>
 * only {@code out}, which may be one of the inputs.
 */
final class Float32Elementwise {

    private Float32Elementwise() {
    }

    /** {@code out[i] = op(x[i])} for {@code i < count}. */
    static void unary(UnaryOp op, float[] x, float[] out, int count) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < count; i++) {
                    out[i] = -x[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < count; i++) {
                    out[i] = Math.abs(x[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < count; i++) {
                    out[i] = x[i] * x[i];
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < count; i++) {
                    out[i] = 1 / x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) Math.sqrt(x[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) Math.exp(x[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < count; i++) {
                    out[i] = tanh(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) Math.log(x[i]);
                }
            }
            default -> {
                java.util.function.DoubleUnaryOperator function = ScalarFunctions.of(op);
                for (int i = 0; i < count; i++) {
                    out[i] = (float) function.applyAsDouble(x[i]);
                }
            }
        }
    }

    /**
     * {@code out = a op b} for a {@code rows x columns} array {@code a} and a {@code b} of the same shape, a row
     * ({@code 1 x columns}), a column ({@code rows x 1}) or a scalar ({@code 1 x 1}), as the shapes were checked.
     */
    static void broadcast(BinaryOp op, float[] a, int rows, int columns, float[] b, int bRows, int bColumns,
            float[] out) {
        if (bRows == rows && bColumns == columns) {
            binary(op, a, 0, b, 0, out, 0, rows * columns);
        } else if (bRows == 1 && bColumns == 1) {
            binary(op, a, 0, b[0], out, 0, rows * columns);
        } else if (bRows == 1) {
            for (int r = 0; r < rows; r++) {
                binary(op, a, r * columns, b, 0, out, r * columns, columns);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                binary(op, a, r * columns, b[r], out, r * columns, columns);
            }
        }
    }

    /**
     * tanh to float precision from the {@code exp} intrinsic, at about a third of the cost of {@code Math.tanh}:
     * {@code 1 - 2 / (e^2|x| + 1)} in double, and {@code x (1 - x^2 / 3)} for {@code |x| < 2^-7}, where the first
     * form would cancel. Both are within {@code 1e-9} relative of tanh, far inside half a float ulp ({@code 6e-8}):
     * the result is the correctly rounded tanh, or its neighbour for the rare {@code x} whose tanh lies that close to
     * the midpoint between two floats. Signed zeros, infinities and NaN come out as from {@code Math.tanh}.
     */
    static float tanh(float x) {
        double magnitude = Math.abs((double) x);
        if (magnitude < 0x1p-7) {
            return (float) (x * (1 - (double) x * x / 3));
        }
        return (float) Math.copySign(1 - 2 / (Math.exp(2 * magnitude) + 1), x);
    }

    /** {@code out[outAt + i] = a[aAt + i] op b[bAt + i]} for {@code i < count}. */
    static void binary(BinaryOp op, float[] a, int aAt, float[] b, int bAt, float[] out, int outAt, int count) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] + b[bAt + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] - b[bAt + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] * b[bAt + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] / b[bAt + i];
                }
            }
            case MAX -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = Math.max(a[aAt + i], b[bAt + i]);
                }
            }
            case MIN -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = Math.min(a[aAt + i], b[bAt + i]);
                }
            }
            default -> {
                java.util.function.DoubleBinaryOperator function = ScalarFunctions.of(op);
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = (float) function.applyAsDouble(a[aAt + i], b[bAt + i]);
                }
            }
        }
    }

    /** {@code out[outAt + i] = a[aAt + i] op b} for {@code i < count}. */
    static void binary(BinaryOp op, float[] a, int aAt, float b, float[] out, int outAt, int count) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] + b;
                }
            }
            case SUB -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] - b;
                }
            }
            case MUL -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] * b;
                }
            }
            case DIV -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] / b;
                }
            }
            case MAX -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = Math.max(a[aAt + i], b);
                }
            }
            case MIN -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = Math.min(a[aAt + i], b);
                }
            }
            case GREATER -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] > b ? 1 : 0;
                }
            }
            case GREATER_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = a[aAt + i] >= b ? 1 : 0;
                }
            }
            default -> {
                java.util.function.DoubleBinaryOperator function = ScalarFunctions.of(op);
                for (int i = 0; i < count; i++) {
                    out[outAt + i] = (float) function.applyAsDouble(a[aAt + i], b);
                }
            }
        }
    }

    /** {@code out[i] = a[i] + alpha * b[i]} for {@code i < count}. */
    static void addScaled(float[] a, float alpha, float[] b, float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = a[i] + alpha * b[i];
        }
    }

    /** {@code out[i] = mask[i] != 0 ? ifTrue[i] : ifFalse[i]} for {@code i < count}. */
    static void where(float[] mask, float[] ifTrue, float[] ifFalse, float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = mask[i] != 0 ? ifTrue[i] : ifFalse[i];
        }
    }
}

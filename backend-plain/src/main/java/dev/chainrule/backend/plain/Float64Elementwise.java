package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The element-wise operations on FLOAT64 arrays, one plain loop per operation so that the JIT compiles each to
 * vector instructions where the hardware has them. Each loop computes what {@link ScalarFunctions} defines: the
 * arithmetic in the element type, a function that Java has only in double in double and rounded to the element type
 * (except those whose single-precision form {@link ElementFunctions} computes otherwise). Every method
 * <b>modifies</b> only {@code out}, which may be one of the inputs.
 */
@SuppressWarnings("cast") // casts to the element type: they round in single precision
final class Float64Elementwise {

    private Float64Elementwise() {
    }

    /** {@code out[i] = op(x[i])} for {@code i < count}. */
    static void unary(UnaryOp op, double[] x, double[] out, int count) {
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
                    out[i] = (double) Math.sqrt(x[i]);
                }
            }
            case EXP -> ElementFunctions.exp(x, out, count);
            case TANH -> ElementFunctions.tanh(x, out, count);
            case LOG -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (double) Math.log(x[i]);
                }
            }
            default -> {
                java.util.function.DoubleUnaryOperator function = ScalarFunctions.of(op);
                for (int i = 0; i < count; i++) {
                    out[i] = (double) function.applyAsDouble(x[i]);
                }
            }
        }
    }

    /**
     * {@code out = a op b} for a {@code rows x columns} array {@code a} and a {@code b} of the same shape, a row
     * ({@code 1 x columns}), a column ({@code rows x 1}) or a scalar ({@code 1 x 1}), as the shapes were checked.
     */
    static void broadcast(BinaryOp op, double[] a, int rows, int columns, double[] b, int bRows, int bColumns,
            double[] out) {
        if (bRows == rows && bColumns == columns) {
            binary(op, a, b, 0, out, 0, rows * columns);
        } else if (bRows == 1 && bColumns == 1) {
            binary(op, a, b[0], out, 0, rows * columns);
        } else if (bRows == 1) {
            for (int r = 0; r < rows; r++) {
                binary(op, a, b, -r * columns, out, r * columns, (r + 1) * columns);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                binary(op, a, b[r], out, r * columns, (r + 1) * columns);
            }
        }
    }

    /**
     * {@code out[i] = a[i] op b[i + bShift]} for {@code from <= i < to}. {@code a} and {@code out} share their index
     * (as {@code b} does when {@code bShift} is 0): the JIT vectorizes such a loop even when they may be one array.
     */
    static void binary(BinaryOp op, double[] a, double[] b, int bShift, double[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + b[i + bShift];
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - b[i + bShift];
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * b[i + bShift];
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / b[i + bShift];
                }
            }
            case MAX -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], b[i + bShift]);
                }
            }
            case MIN -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(a[i], b[i + bShift]);
                }
            }
            default -> {
                java.util.function.DoubleBinaryOperator function = ScalarFunctions.of(op);
                for (int i = from; i < to; i++) {
                    out[i] = (double) function.applyAsDouble(a[i], b[i + bShift]);
                }
            }
        }
    }

    /**
     * {@code out[i] = a[i] op b} for {@code from <= i < to}; one index for both arrays, as in
     * {@link #binary(BinaryOp, double[], double[], int, double[], int, int)}.
     */
    static void binary(BinaryOp op, double[] a, double b, double[] out, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + b;
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - b;
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * b;
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / b;
                }
            }
            case MAX -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], b);
                }
            }
            case MIN -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(a[i], b);
                }
            }
            // Comparisons select an int and convert it: the JIT makes that a conditional move, where a selected
            // element would be a branch, mispredicted on about half of the elements of a ReLU's input.
            case GREATER -> {
                for (int i = from; i < to; i++) {
                    int bit = a[i] > b ? 1 : 0;
                    out[i] = bit;
                }
            }
            case GREATER_EQUAL -> {
                for (int i = from; i < to; i++) {
                    int bit = a[i] >= b ? 1 : 0;
                    out[i] = bit;
                }
            }
            case LESS -> {
                for (int i = from; i < to; i++) {
                    int bit = a[i] < b ? 1 : 0;
                    out[i] = bit;
                }
            }
            case LESS_EQUAL -> {
                for (int i = from; i < to; i++) {
                    int bit = a[i] <= b ? 1 : 0;
                    out[i] = bit;
                }
            }
            default -> {
                java.util.function.DoubleBinaryOperator function = ScalarFunctions.of(op);
                for (int i = from; i < to; i++) {
                    out[i] = (double) function.applyAsDouble(a[i], b);
                }
            }
        }
    }

    /** {@code out[i] = a[i] + alpha * b[i]} for {@code i < count}. */
    static void addScaled(double[] a, double alpha, double[] b, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = a[i] + alpha * b[i];
        }
    }

    /**
     * One Adam update of elements {@code from} to {@code to} in one pass, each operation rounded as the separate
     * passes of {@code TensorBackend.adamStep}'s definition round it:
     * {@code m = decay1 m + gain1 g; v = decay2 v + gain2 g^2; p = p + negativeStep m / (sqrt(v) + epsilon)}.
     * Modifies {@code p}, {@code m} and {@code v}.
     */
    static void adam(double[] p, double[] g, double[] m, double[] v, double decay1, double gain1, double decay2,
            double gain2, double negativeStep, double epsilon, int from, int to) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * decay1;
            mi = mi + gain1 * gi;
            double square = gi * gi;
            double vi = v[i] * decay2;
            vi = vi + gain2 * square;
            m[i] = mi;
            v[i] = vi;
            double denominator = (double) Math.sqrt(vi);
            denominator = denominator + epsilon;
            double ratio = mi / denominator;
            p[i] = p[i] + negativeStep * ratio;
        }
    }

    /** {@code out[i] = mask[i] != 0 ? ifTrue[i] : ifFalse[i]} for {@code i < count}. */
    static void where(double[] mask, double[] ifTrue, double[] ifFalse, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = mask[i] != 0 ? ifTrue[i] : ifFalse[i];
        }
    }
}

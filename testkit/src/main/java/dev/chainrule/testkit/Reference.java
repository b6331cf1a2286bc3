package dev.chainrule.testkit;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Straightforward double-precision definitions of the tensor operations, written here, independently of every
 * backend, so that the contract tests compare each backend with the mathematics rather than with another backend.
 */
final class Reference {

    private Reference() {
    }

    static DoubleUnaryOperator of(UnaryOp op) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case SIGN -> Math::signum;
            case EXP -> Math::exp;
            case EXPM1 -> Math::expm1;
            case LOG -> Math::log;
            case LOG1P -> Math::log1p;
            case SQRT -> Math::sqrt;
            case SQUARE -> x -> x * x;
            case RECIPROCAL -> x -> 1 / x;
            case TANH -> Math::tanh;
            case ERF -> Reference::erf;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case FLOOR -> Math::floor;
        };
    }

    static DoubleBinaryOperator of(BinaryOp op) {
        return switch (op) {
            case ADD -> (a, b) -> a + b;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> Math::pow;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case GREATER -> (a, b) -> a > b ? 1 : 0;
            case GREATER_EQUAL -> (a, b) -> a >= b ? 1 : 0;
            case LESS -> (a, b) -> a < b ? 1 : 0;
            case LESS_EQUAL -> (a, b) -> a <= b ? 1 : 0;
            case EQUAL -> (a, b) -> a == b ? 1 : 0;
        };
    }

    /**
     * erf by its Maclaurin series {@code 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1))}, accurate to about 1e-15 for
     * {@code |x| <= 2.5}, beyond which the tests do not use it; infinities and NaN as the function's limits.
     */
    static double erf(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? x : Math.signum(x);
        }
        double term = x;
        double sum = x;
        for (int n = 1; n < 200 && Math.abs(term) > 1e-300; n++) {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    /** {@code op(A) op(B)} by the triple loop; {@code a} is stored {@code aRows x aColumns}, likewise {@code b}. */
    static double[] matmul(double[] a, int aRows, int aColumns, boolean transposeA, double[] b, int bRows,
            int bColumns, boolean transposeB) {
        int rows = transposeA ? aColumns : aRows;
        int inner = transposeA ? aRows : aColumns;
        int columns = transposeB ? bRows : bColumns;
        double[] c = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    double left = transposeA ? a[k * aColumns + i] : a[i * aColumns + k];
                    double right = transposeB ? b[j * bColumns + k] : b[k * bColumns + j];
                    sum += left * right;
                }
                c[i * columns + j] = sum;
            }
        }
        return c;
    }

    /** {@code a op b} with {@code b} ({@code bRows x bColumns}) broadcast over {@code a} as the SPI defines. */
    static double[] binary(BinaryOp op, double[] a, int rows, int columns, double[] b, int bRows, int bColumns) {
        DoubleBinaryOperator function = of(op);
        double[] out = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double right = b[(bRows == 1 ? 0 : r) * bColumns + (bColumns == 1 ? 0 : c)];
                out[r * columns + c] = function.applyAsDouble(a[r * columns + c], right);
            }
        }
        return out;
    }

    /** The reduction of a {@code rows x columns} matrix along {@code axis}. */
    static double[] reduce(ReduceOp op, ReduceAxis axis, double[] x, int rows, int columns) {
        boolean perRow = axis == ReduceAxis.PER_ROW;
        double[] out = new double[perRow ? rows : columns];
        for (int o = 0; o < out.length; o++) {
            double[] line = new double[perRow ? columns : rows];
            for (int i = 0; i < line.length; i++) {
                line[i] = perRow ? x[o * columns + i] : x[i * columns + o];
            }
            out[o] = reduceAll(op, line);
        }
        return out;
    }

    static double reduceAll(ReduceOp op, double[] values) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            sum += value;
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        return switch (op) {
            case SUM -> sum;
            case MEAN -> sum / values.length;
            case MAX -> max;
            case MIN -> min;
        };
    }
}

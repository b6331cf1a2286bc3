package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;

/**
 * The reductions of FLOAT64 arrays, in the order {@link ScalarFunctions} defines (row by row, first element
 * first). Every precision accumulates in double and rounds the result to the element type.
 */
@SuppressWarnings("cast") // casts to the element type: they round in single precision
final class Float64Reductions {

    private Float64Reductions() {
    }

    /** Reduces each row (or column) of the {@code rows x columns} array {@code x} into {@code out} (modified). */
    static void reduce(ReduceOp op, ReduceAxis axis, double[] x, int rows, int columns, double[] out) {
        if (axis == ReduceAxis.PER_ROW) {
            for (int r = 0; r < rows; r++) {
                out[r] = (double) ScalarFunctions.finish(op, range(op, x, r * columns, columns), columns);
            }
            return;
        }
        /* wide */ double[] values = new /* wide */ double[columns];
        java.util.Arrays.fill(values, ScalarFunctions.identity(op));
        for (int r = 0; r < rows; r++) {
            int at = r * columns;
            switch (op) {
                case SUM, MEAN -> {
                    for (int j = 0; j < columns; j++) {
                        values[j] += x[at + j];
                    }
                }
                case MAX -> {
                    for (int j = 0; j < columns; j++) {
                        values[j] = Math.max(values[j], x[at + j]);
                    }
                }
                case MIN -> {
                    for (int j = 0; j < columns; j++) {
                        values[j] = Math.min(values[j], x[at + j]);
                    }
                }
            }
        }
        for (int j = 0; j < columns; j++) {
            out[j] = (double) ScalarFunctions.finish(op, values[j], rows);
        }
    }

    /** Reduces the first {@code count} elements of {@code x} to one number. */
    static /* wide */ double reduceAll(ReduceOp op, double[] x, int count) {
        return ScalarFunctions.finish(op, range(op, x, 0, count), count);
    }

    private static /* wide */ double range(ReduceOp op, double[] x, int from, int count) {
        /* wide */ double value = ScalarFunctions.identity(op);
        switch (op) {
            case SUM, MEAN -> {
                for (int i = from; i < from + count; i++) {
                    value += x[i];
                }
            }
            case MAX -> {
                for (int i = from; i < from + count; i++) {
                    value = Math.max(value, x[i]);
                }
            }
            case MIN -> {
                for (int i = from; i < from + count; i++) {
                    value = Math.min(value, x[i]);
                }
            }
        }
        return value;
    }
}

package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;

/**
 * The reductions of FLOAT32 arrays. They accumulate in double, in the order {@link ScalarFunctions} defines
 * (row by row, first element first), and round the result.
 */
final class Float32Reductions {

    private Float32Reductions() {
    }

    /** Reduces each row (or column) of the {@code rows x columns} array {@code x} into {@code out} (modified). */
    static void reduce(ReduceOp op, ReduceAxis axis, float[] x, int rows, int columns, float[] out) {
        if (axis == ReduceAxis.PER_ROW) {
            for (int r = 0; r < rows; r++) {
                out[r] = (float) finish(op, range(op, x, r * columns, columns), columns);
            }
            return;
        }
        double[] values = new double[columns];
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
            out[j] = (float) finish(op, values[j], rows);
        }
    }

    /** Reduces the first {@code count} elements of {@code x} to one number. */
    static double reduceAll(ReduceOp op, float[] x, int count) {
        return finish(op, range(op, x, 0, count), count);
    }

    private static double range(ReduceOp op, float[] x, int from, int count) {
        double value = ScalarFunctions.identity(op);
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

    private static double finish(ReduceOp op, double value, int count) {
        return op == ReduceOp.MEAN ? value / count : value;
    }
}

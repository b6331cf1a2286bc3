package dev.chainrule.integration;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.SplittableRandom;

/** Test inputs: random tensors and grids that include large magnitudes. */
final class Points {

    private Points() {
    }

    static Tensor uniform(TensorBackend backend, DType dtype, int rows, int columns, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return backend.fromArray(dtype, new Shape(rows, columns), values);
    }

    /** A grid over [-range, range] plus the extremes, laid out as rows of {@code columns}. */
    static Tensor grid(TensorBackend backend, DType dtype, double range, int count, int columns) {
        int rows = (count + columns - 1) / columns;
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = -range + 2 * range * i / (values.length - 1);
        }
        return backend.fromArray(dtype, new Shape(rows, columns), values);
    }

    static Tensor of(TensorBackend backend, DType dtype, double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
        }
        return backend.fromArray(dtype, new Shape(rows.length, rows[0].length), flat);
    }
}

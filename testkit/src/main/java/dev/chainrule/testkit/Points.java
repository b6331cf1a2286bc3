package dev.chainrule.testkit;

import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;

/** Test inputs: seeded random tensors, and grids that include large magnitudes. */
public final class Points {

    private Points() {
    }

    /** A {@code rows x columns} tensor of values uniform in {@code [low, high)}, drawn from {@code seed}. */
    public static Tensor uniform(TensorBackend backend, DType dtype, int rows, int columns, double low, double high,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return backend.fromArray(dtype, new Shape(rows, columns), values);
    }

    /**
     * An evenly spaced grid over {@code [-range, range]}, both ends included, of at least {@code count} values laid out
     * as rows of {@code columns}.
     */
    public static Tensor grid(TensorBackend backend, DType dtype, double range, int count, int columns) {
        int rows = (count + columns - 1) / columns;
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = -range + 2 * range * i / (values.length - 1);
        }
        return backend.fromArray(dtype, new Shape(rows, columns), values);
    }

    /** A tensor holding {@code rows}. */
    public static Tensor of(TensorBackend backend, DType dtype, double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
        }
        return backend.fromArray(dtype, new Shape(rows.length, rows[0].length), flat);
    }

    /**
     * The values of {@code tensor} that lie in {@code domain}, with {@code extra} values appended when they lie there
     * too, as rows of {@code columns} (the last row padded with the domain's first value).
     */
    public static Tensor within(FiniteDomain domain, TensorBackend backend, DType dtype, int columns, Tensor tensor,
            double... extra) {
        double[] inside = DoubleStream.concat(Arrays.stream(tensor.toDoubleArray()), Arrays.stream(extra))
                .filter(Double::isFinite).filter(domain::contains).toArray();
        if (inside.length == 0) {
            inside = new double[] {Double.isFinite(domain.lower()) ? domain.lower() : domain.upper()};
        }
        int rows = (inside.length + columns - 1) / columns;
        double[] padded = Arrays.copyOf(inside, rows * columns);
        Arrays.fill(padded, inside.length, padded.length, inside[0]);
        return backend.fromArray(dtype, new Shape(rows, columns), padded);
    }
}

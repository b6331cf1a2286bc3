package dev.chainrule.testkit;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;

/** Each row's Jacobian of an activation, from its {@code backward} and from central differences of its forward. */
final class Jacobians {

    private Jacobians() {
    }

    /** Row {@code (r, i)} of each row's Jacobian, from {@code backward} with a unit upstream gradient. */
    static double[][] fromBackward(Activation activation, Tensor z) {
        int columns = z.columns();
        double[][] rows = new double[z.rows() * columns][];
        Tensor a = activation.forward(z);
        for (int r = 0; r < z.rows(); r++) {
            for (int i = 0; i < columns; i++) {
                double[] unit = new double[z.shape().size()];
                unit[r * columns + i] = 1;
                double[] product = activation.backward(z, a, z.backend().fromArray(z.dtype(), z.shape(), unit))
                        .toDoubleArray();
                rows[r * columns + i] = Arrays.copyOfRange(product, r * columns, (r + 1) * columns);
            }
        }
        return rows;
    }

    /** The same rows by central differences of {@code forward}, one input element at a time. */
    static double[][] numerical(Activation activation, Tensor z) {
        int columns = z.columns();
        double[] points = z.toDoubleArray();
        double[][] rows = new double[z.rows() * columns][columns];
        for (int r = 0; r < z.rows(); r++) {
            for (int j = 0; j < columns; j++) {
                int index = r * columns + j;
                double h = 1e-6 * Math.max(1, Math.abs(points[index]));
                double[] plus = points.clone();
                plus[index] += h;
                double[] minus = points.clone();
                minus[index] -= h;
                double[] up = activation.forward(z.backend().fromArray(z.dtype(), z.shape(), plus)).toDoubleArray();
                double[] down = activation.forward(z.backend().fromArray(z.dtype(), z.shape(), minus)).toDoubleArray();
                for (int i = 0; i < columns; i++) {
                    rows[r * columns + i][j] = (up[r * columns + i] - down[r * columns + i]) / (2 * h);
                }
            }
        }
        return rows;
    }
}

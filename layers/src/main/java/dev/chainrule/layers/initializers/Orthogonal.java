package dev.chainrule.layers.initializers;

import com.google.auto.service.AutoService;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Gaussian;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.Shape;
import java.util.SplittableRandom;

/**
 * A (semi-)orthogonal matrix times {@code gain} (Saxe et al., 2014; PyTorch's {@code orthogonal_}): the Q factor of
 * the QR decomposition of a matrix of standard normal numbers, its columns' signs fixed so that R's diagonal is
 * positive, which makes Q uniformly distributed. A tall matrix gets orthonormal columns ({@code Q^T Q = I}), a wide
 * one orthonormal rows ({@code Q Q^T = I}).
 */
@AutoService(Initializer.class)
public final class Orthogonal implements Initializer {

    private final double gain;
    private final Spec spec;

    /** {@code gain = 1}. */
    public Orthogonal() {
        this(Arguments.defaults("orthogonal"));
    }

    private Orthogonal(Arguments arguments) {
        this.gain = Checks.positive(arguments, "gain", 1.0);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public Orthogonal configure(Arguments arguments) {
        return new Orthogonal(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public double[] values(Shape shape, Fans fans, SplittableRandom random) {
        int tall = Math.max(shape.rows(), shape.columns());
        int narrow = Math.min(shape.rows(), shape.columns());
        double[][] columns = new double[narrow][tall];
        for (double[] column : columns) {
            for (int i = 0; i < tall; i++) {
                column[i] = Gaussian.next(random);
            }
        }
        orthonormalise(columns);
        double[] values = new double[shape.size()];
        boolean transposed = shape.rows() < shape.columns();
        for (int j = 0; j < narrow; j++) {
            for (int i = 0; i < tall; i++) {
                int index = transposed ? j * shape.columns() + i : i * shape.columns() + j;
                values[index] = gain * columns[j][i];
            }
        }
        return values;
    }

    /**
     * Gram-Schmidt, each column orthogonalised twice against the ones before ("twice is enough", Giraud et al. 2005)
     * and normalised: the Q of the QR decomposition with a positive diagonal of R.
     */
    private static void orthonormalise(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < columns[j].length; i++) {
                        dot += columns[k][i] * columns[j][i];
                    }
                    for (int i = 0; i < columns[j].length; i++) {
                        columns[j][i] -= dot * columns[k][i];
                    }
                }
            }
            double norm = 0;
            for (double value : columns[j]) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < columns[j].length; i++) {
                columns[j][i] /= norm;
            }
        }
    }
}

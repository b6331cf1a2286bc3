package dev.chainrule.examples.cli;

import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.SplittableRandom;

/**
 * Points at which {@code gradcheck} differentiates a plugin, drawn well inside the values it is defined on: an
 * activation's inputs in [-3, 3] cut to its finite domain, a loss's outputs and targets from the {@link Domain}s it
 * advertises, away from clipping and kinks.
 */
final class SamplePoints {

    private SamplePoints() {
    }

    /** {@code rows x columns} activation inputs, uniform in [-3, 3] within {@code domain}. */
    static Tensor activationInputs(TensorBackend backend, int rows, int columns, FiniteDomain domain, long seed) {
        double low = Math.max(-3, domain.lower());
        double high = Math.min(3, domain.upper());
        if (!(low < high)) {
            low = domain.lower();
            high = domain.lower() + 1;
        }
        return tensor(backend, rows, columns, uniform(rows * columns, low, high, new SplittableRandom(seed)));
    }

    /** A {@code rows x domain.columns(classes)} tensor of values typical for {@code domain}. */
    static Tensor of(Domain domain, TensorBackend backend, int rows, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = rows * classes;
        double[] values = switch (domain) {
            case REAL -> uniform(n, -2, 2, random);
            case PROBABILITY -> uniform(n, 0.05, 0.95, random);
            case DISTRIBUTION -> distribution(rows, classes, random);
            case LOG_DISTRIBUTION -> log(distribution(rows, classes, random));
            case ONE_HOT -> oneHot(rows, classes, random, 0);
            case SIGN -> oneHot(rows, classes, random, -1);
            case CLASS_LABEL -> labels(rows, classes, random);
            case NON_NEGATIVE -> uniform(n, 0.1, 3, random);
            case POSITIVE -> uniform(n, 0.2, 3, random);
            case NONZERO -> nonzero(n, random);
        };
        return tensor(backend, rows, domain.columns(classes), values);
    }

    private static double[] uniform(int n, double low, double high, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return values;
    }

    /** Rows of softmax(uniform(-2, 2)): every probability well inside (0, 1). */
    private static double[] distribution(int rows, int classes, SplittableRandom random) {
        double[] values = uniform(rows * classes, -2, 2, random);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                values[r * classes + c] = Math.exp(values[r * classes + c]);
                sum += values[r * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                values[r * classes + c] /= sum;
            }
        }
        return values;
    }

    private static double[] log(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }

    /** One 1 per row, {@code off} elsewhere. */
    private static double[] oneHot(int rows, int classes, SplittableRandom random, double off) {
        double[] values = new double[rows * classes];
        java.util.Arrays.fill(values, off);
        for (int r = 0; r < rows; r++) {
            values[r * classes + random.nextInt(classes)] = 1;
        }
        return values;
    }

    private static double[] labels(int rows, int classes, SplittableRandom random) {
        double[] values = new double[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = random.nextInt(classes);
        }
        return values;
    }

    private static double[] nonzero(int n, SplittableRandom random) {
        double[] values = uniform(n, 0.5, 3, random);
        for (int i = 0; i < n; i++) {
            values[i] *= random.nextBoolean() ? 1 : -1;
        }
        return values;
    }

    private static Tensor tensor(TensorBackend backend, int rows, int columns, double[] values) {
        return backend.fromArray(DType.FLOAT64, new Shape(rows, columns), values);
    }
}

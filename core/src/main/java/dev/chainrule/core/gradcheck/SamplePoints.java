package dev.chainrule.core.gradcheck;

import dev.chainrule.core.activation.FiniteDomain;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Points at which to differentiate a plugin, drawn well inside the values it is defined on: an activation's inputs
 * within its {@link FiniteDomain}, a loss's outputs and targets from the {@link Domain}s it advertises, away from
 * clipping and kinks. Every draw comes from an explicit seed.
 */
public final class SamplePoints {

    private SamplePoints() {
    }

    /**
     * A {@code rows x columns} tensor of activation inputs, uniform in {@code [-range, range]} cut to {@code domain}
     * (or the unit interval above its lower end, when the cut is empty).
     */
    public static Tensor activationInputs(TensorBackend backend, DType dtype, int rows, int columns, double range,
            FiniteDomain domain, long seed) {
        double low = Math.max(-range, domain.lower());
        double high = Math.min(range, domain.upper());
        if (!(low < high)) {
            low = domain.lower();
            high = domain.lower() + 1;
        }
        return backend.fromArray(dtype, new Shape(rows, columns),
                uniform(rows * columns, low, high, new SplittableRandom(seed)));
    }

    /**
     * A {@code rows x domain.columns(classes)} tensor of values typical for {@code domain} (see
     * {@link #typical(Domain, int, int, SplittableRandom)}).
     */
    public static Tensor typical(Domain domain, TensorBackend backend, DType dtype, int rows, int classes, long seed) {
        return backend.fromArray(dtype, new Shape(rows, domain.columns(classes)),
                typical(domain, rows, classes, new SplittableRandom(seed)));
    }

    /**
     * Values well inside {@code domain}, row-major, for {@code rows} rows beside {@code classes} outputs: finite
     * numbers in [-2, 2], probabilities in [0.05, 0.95], rows of softmax(uniform(-2, 2)) and their logarithms, one-hot
     * rows, class labels, signs, numbers in [0, 3], in [0.2, 3], and in ±[0.5, 3].
     */
    public static double[] typical(Domain domain, int rows, int classes, SplittableRandom random) {
        int n = rows * classes;
        return switch (domain) {
            case REAL -> uniform(n, -2, 2, random);
            case PROBABILITY -> uniform(n, 0.05, 0.95, random);
            case DISTRIBUTION -> distribution(rows, classes, random);
            case LOG_DISTRIBUTION -> Arrays.stream(distribution(rows, classes, random)).map(Math::log).toArray();
            case ONE_HOT -> oneHot(rows, classes, random);
            case CLASS_LABEL -> labels(rows, classes, random);
            case SIGN -> pick(n, random, -1, 1);
            case NON_NEGATIVE -> uniform(n, 0, 3, random);
            case POSITIVE -> uniform(n, 0.2, 3, random);
            case NONZERO -> nonzero(n, random);
        };
    }

    private static double[] uniform(int n, double low, double high, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return values;
    }

    private static double[] pick(int n, SplittableRandom random, double... choices) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = choices[random.nextInt(choices.length)];
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

    private static double[] oneHot(int rows, int classes, SplittableRandom random) {
        double[] values = new double[rows * classes];
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
}

package dev.chainrule.layers.initializers;

import dev.chainrule.core.initializer.Gaussian;
import java.util.SplittableRandom;

/** Arrays of independent draws, in row-major order. */
final class Draws {

    private Draws() {
    }

    static double[] uniform(int count, double low, double high, SplittableRandom random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return values;
    }

    static double[] normal(int count, double mean, double std, SplittableRandom random) {
        return Gaussian.normals(count, mean, std, random);
    }

    /** Normal numbers within {@code mean ± bound * std}, redrawing those outside. */
    static double[] truncatedNormal(int count, double mean, double std, double bound, SplittableRandom random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = mean + std * Gaussian.nextTruncated(random, bound);
        }
        return values;
    }

    static double[] constant(int count, double value) {
        double[] values = new double[count];
        java.util.Arrays.fill(values, value);
        return values;
    }
}

package dev.chainrule.core.initializer;

import java.util.SplittableRandom;

/** Standard normal numbers and probabilities, computed the same way on every JDK. */
public final class Gaussian {

    private Gaussian() {
    }

    /**
     * A standard normal number by the Box-Muller transform, so that it depends only on the generator's sequence and
     * not on a JDK's implementation: two uniform draws per number.
     */
    public static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** {@code count} independent normal numbers with the given mean and standard deviation, in a new array. */
    public static double[] normals(int count, double mean, double std, SplittableRandom random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = mean + std * next(random);
        }
        return values;
    }

    /**
     * A standard normal number within {@code ±bound}, by redrawing those outside (Keras's and PyTorch's truncation).
     *
     * @param bound at least 0.5, so that redrawing ends quickly
     */
    public static double nextTruncated(SplittableRandom random, double bound) {
        if (!(bound >= 0.5)) {
            throw new IllegalArgumentException("a truncation bound must be >= 0.5 standard deviations, got " + bound);
        }
        while (true) {
            double value = next(random);
            if (Math.abs(value) <= bound) {
                return value;
            }
        }
    }

    /** {@code P(Z <= z)} for a standard normal {@code Z}, to about 1e-7 (Abramowitz and Stegun 7.1.26 on erf). */
    public static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}

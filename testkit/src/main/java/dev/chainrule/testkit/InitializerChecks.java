package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.initializer.Distribution;
import dev.chainrule.core.initializer.Fans;
import dev.chainrule.core.initializer.Initializer;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** The checks of {@link InitializerContract}. */
final class InitializerChecks {

    /** The Kolmogorov-Smirnov critical value at the 0.1% level, times {@code sqrt(n)}. */
    private static final double KS_CRITICAL = 1.949;
    private static final List<Shape> SHAPES = List.of(new Shape(300, 40), new Shape(40, 300));

    private InitializerChecks() {
    }

    static double[] draw(Initializer initializer, Shape shape, long seed) {
        return initializer.values(shape, new Fans(shape.rows(), shape.columns()), new SplittableRandom(seed));
    }

    static void distribution(Initializer initializer) {
        for (Shape shape : SHAPES) {
            Fans fans = new Fans(shape.rows(), shape.columns());
            Optional<Distribution> stated = initializer.distribution(shape, fans);
            if (stated.isEmpty()) {
                continue;
            }
            Distribution law = stated.get();
            double[] values = draw(initializer, shape, 5);
            String what = initializer.spec() + " on a " + shape + " tensor against " + law;
            double mean = Arrays.stream(values).average().orElseThrow();
            double variance = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum()
                    / (values.length - 1);
            if (law.variance() == 0) {
                for (double value : values) {
                    assertEquals(law.mean(), value, 0, what + ": every value must be " + law.mean());
                }
                continue;
            }
            double standardError = Math.sqrt(law.variance() / values.length);
            assertTrue(Math.abs(mean - law.mean()) <= 5 * standardError, () -> String.format(Locale.ROOT,
                    "%s: mean %.6g, expected %.6g within %.3g", what, mean, law.mean(), 5 * standardError));
            double varianceError = law.variance() * 5 * Math.sqrt(2.0 / values.length) * 1.5;
            assertTrue(Math.abs(variance - law.variance()) <= varianceError, () -> String.format(Locale.ROOT,
                    "%s: variance %.6g, expected %.6g within %.3g", what, variance, law.variance(), varianceError));
            double statistic = kolmogorovSmirnov(values, law);
            double critical = KS_CRITICAL / Math.sqrt(values.length);
            assertTrue(statistic <= critical, () -> String.format(Locale.ROOT, "%s: Kolmogorov-Smirnov statistic "
                    + "%.4g exceeds %.4g, the critical value at the 0.1%% level", what, statistic, critical));
        }
    }

    /** The largest distance between the values' empirical distribution function and {@code law}'s. */
    static double kolmogorovSmirnov(double[] values, Distribution law) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double largest = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double cdf = law.cdf(sorted[i]);
            int last = i;
            while (last + 1 < n && sorted[last + 1] == sorted[i]) {
                last++;
            }
            double below = law.cdf(Math.nextDown(sorted[i]));
            largest = Math.max(largest, Math.max(Math.abs((double) (last + 1) / n - cdf), Math.abs(below - (double) i / n)));
            i = last;
        }
        return largest;
    }

    static void structure(Initializer initializer, BiFunction<Shape, Fans, Optional<double[]>> exact,
            boolean orthogonal) {
        for (Shape shape : List.of(new Shape(40, 25), new Shape(25, 40), new Shape(16, 16))) {
            Fans fans = new Fans(shape.rows(), shape.columns());
            double[] values = initializer.values(shape, fans, new SplittableRandom(7));
            exact.apply(shape, fans).ifPresent(expected -> assertArrayEquals(expected, values,
                    initializer.spec() + " on a " + shape + " tensor"));
            if (orthogonal) {
                assertOrthogonal(initializer, shape, values);
            }
        }
    }

    private static void assertOrthogonal(Initializer initializer, Shape shape, double[] values) {
        boolean tall = shape.rows() >= shape.columns();
        int size = Math.min(shape.rows(), shape.columns());
        int length = Math.max(shape.rows(), shape.columns());
        double diagonal = Double.NaN;
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                double dot = 0;
                for (int k = 0; k < length; k++) {
                    dot += tall ? values[k * shape.columns() + a] * values[k * shape.columns() + b]
                            : values[a * shape.columns() + k] * values[b * shape.columns() + k];
                }
                if (a == b && Double.isNaN(diagonal)) {
                    diagonal = dot;
                }
                double expected = a == b ? diagonal : 0;
                assertEquals(expected, dot, 1e-9 * Math.max(1, Math.abs(diagonal)), initializer.spec() + " on a "
                        + shape + " tensor: entry (" + a + ", " + b + ") of " + (tall ? "Q^T Q" : "Q Q^T"));
            }
        }
        assertTrue(diagonal > 0, initializer.spec() + ": the rows or columns have no length");
    }

    static void deterministic(Initializer initializer) {
        Shape shape = new Shape(20, 30);
        double[] first = draw(initializer, shape, 9);
        assertEquals(shape.size(), first.length, initializer.spec() + ": the number of values of a " + shape
                + " tensor");
        assertArrayEquals(first, draw(initializer, shape, 9), initializer.spec() + ": the same seed gave other values");
        for (double value : first) {
            assertTrue(Double.isFinite(value), initializer.spec() + ": a value is not finite: " + value);
        }
    }
}

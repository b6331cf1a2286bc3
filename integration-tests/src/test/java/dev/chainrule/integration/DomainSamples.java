package dev.chainrule.integration;

import dev.chainrule.core.loss.Domain;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the loss tests feed a loss, chosen by the {@link Domain}s that the loss advertises, so that a new loss is
 * tested on inputs it is defined on by being registered. One entry per domain (the switch is exhaustive: a new domain
 * does not compile until it has samples here).
 *
 * @param typical values well inside the domain, away from clipping and kinks: where gradients are checked
 * @param extreme values at the domain's edges: probabilities of exactly 0 and 1, logits of ±1000
 * @param invalid values that a target in this domain must be rejected for, planted one at a time into a valid target
 */
record DomainSamples(Sampler typical, Sampler extreme, List<Double> invalid) {

    /** Draws a {@code rows x domain.columns(classes)} tensor's values, row-major. */
    @FunctionalInterface
    interface Sampler {
        double[] draw(int rows, int classes, SplittableRandom random);
    }

    static DomainSamples of(Domain domain) {
        return switch (domain) {
            case REAL -> new DomainSamples(uniform(-2, 2), pick(-1000, 1000, 0, 1), List.of());
            case PROBABILITY -> new DomainSamples(uniform(0.05, 0.95), pick(0, 1, 0.5), List.of(-0.5, 1.5));
            case DISTRIBUTION -> new DomainSamples(distribution(), oneHot(), List.of(-0.5, 1.5, 0.99));
            case ONE_HOT -> new DomainSamples(oneHot(), oneHot(), List.of(0.5, -1.0, 2.0));
            case LOG_DISTRIBUTION -> new DomainSamples(logDistribution(), logOneHot(), List.of(0.5));
            case CLASS_LABEL -> new DomainSamples(labels(), labels(), List.of(-1.0, 0.5, 4.0, 1e9));
            case SIGN -> new DomainSamples(pick(-1, 1), pick(-1, 1), List.of(0.0, 0.5, 2.0));
            case NON_NEGATIVE -> new DomainSamples(uniform(0, 3), pick(0, 1e6, 1e-300), List.of(-1.0));
            case POSITIVE -> new DomainSamples(uniform(0.2, 3), pick(0, 1e-300, 1e6), List.of(0.0, -1.0));
            case NONZERO -> new DomainSamples(nonzero(), pick(-1e-6, 1e-6, -1000, 1000), List.of(0.0));
        };
    }

    private static Sampler uniform(double low, double high) {
        return (rows, classes, random) -> {
            double[] values = new double[rows * classes];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble(low, high);
            }
            return values;
        };
    }

    private static Sampler pick(double... choices) {
        return (rows, classes, random) -> {
            double[] values = new double[rows * classes];
            for (int i = 0; i < values.length; i++) {
                values[i] = choices[random.nextInt(choices.length)];
            }
            return values;
        };
    }

    private static Sampler nonzero() {
        return (rows, classes, random) -> {
            double[] values = uniform(0.5, 3).draw(rows, classes, random);
            for (int i = 0; i < values.length; i++) {
                values[i] *= random.nextBoolean() ? 1 : -1;
            }
            return values;
        };
    }

    /** Rows of softmax(uniform(-2, 2)): every probability well inside (0, 1). */
    private static Sampler distribution() {
        return (rows, classes, random) -> {
            double[] values = uniform(-2, 2).draw(rows, classes, random);
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
        };
    }

    private static Sampler logDistribution() {
        return (rows, classes, random) -> {
            double[] values = distribution().draw(rows, classes, random);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.log(values[i]);
            }
            return values;
        };
    }

    private static Sampler oneHot() {
        return (rows, classes, random) -> {
            double[] values = new double[rows * classes];
            for (int r = 0; r < rows; r++) {
                values[r * classes + random.nextInt(classes)] = 1;
            }
            return values;
        };
    }

    /** What log_softmax gives for logits of ±1000: 0 for the winner, -2000 for the others. */
    private static Sampler logOneHot() {
        return (rows, classes, random) -> {
            double[] values = oneHot().draw(rows, classes, random);
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] == 1 ? 0 : -2000;
            }
            return values;
        };
    }

    private static Sampler labels() {
        return (rows, classes, random) -> {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = random.nextInt(classes);
            }
            return values;
        };
    }
}

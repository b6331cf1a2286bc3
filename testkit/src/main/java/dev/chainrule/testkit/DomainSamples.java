package dev.chainrule.testkit;

import dev.chainrule.core.gradcheck.SamplePoints;
import dev.chainrule.core.loss.Domain;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the loss contract feeds a loss, chosen by the {@link Domain}s that the loss advertises, so that a loss is
 * tested on inputs it is defined on without naming any. One entry per domain (the switch is exhaustive: a new domain
 * does not compile until it has samples here).
 *
 * <pre>{@code
 * double[] targets = DomainSamples.of(loss.targetDomain()).typical().draw(rows, outputs, new SplittableRandom(1));
 * }</pre>
 *
 * @param typical values well inside the domain, away from clipping and kinks: where gradients are checked
 *                ({@link SamplePoints#typical(Domain, int, int, SplittableRandom)})
 * @param extreme values at the domain's edges: probabilities of exactly 0 and 1, logits of ±1000
 * @param invalid values that a target in this domain must be rejected for, planted one at a time into a valid target
 */
public record DomainSamples(Sampler typical, Sampler extreme, List<Double> invalid) {

    /** Draws a {@code rows x domain.columns(classes)} tensor's values, row-major. */
    @FunctionalInterface
    public interface Sampler {

        /** The values of {@code rows} rows beside {@code classes} outputs. */
        double[] draw(int rows, int classes, SplittableRandom random);
    }

    /** The samples of {@code domain}. */
    public static DomainSamples of(Domain domain) {
        Sampler typical = (rows, classes, random) -> SamplePoints.typical(domain, rows, classes, random);
        return switch (domain) {
            case REAL -> new DomainSamples(typical, pick(-1000, 1000, 0, 1), List.of());
            case PROBABILITY -> new DomainSamples(typical, pick(0, 1, 0.5), List.of(-0.5, 1.5));
            case DISTRIBUTION -> new DomainSamples(typical, oneHot(1, 0), List.of(-0.5, 1.5, 0.99));
            case ONE_HOT -> new DomainSamples(typical, oneHot(1, 0), List.of(0.5, -1.0, 2.0));
            case LOG_DISTRIBUTION -> new DomainSamples(typical, oneHot(0, -2000), List.of(0.5));
            case CLASS_LABEL -> new DomainSamples(typical, typical, List.of(-1.0, 0.5, 4.0, 1e9));
            case SIGN -> new DomainSamples(typical, pick(-1, 1), List.of(0.0, 0.5, 2.0));
            case NON_NEGATIVE -> new DomainSamples(typical, pick(0, 1e6, 1e-300), List.of(-1.0));
            case POSITIVE -> new DomainSamples(typical, pick(0, 1e-300, 1e6), List.of(0.0, -1.0));
            case NONZERO -> new DomainSamples(typical, pick(-1e-6, 1e-6, -1000, 1000), List.of(0.0));
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

    /**
     * Rows with a single {@code on} and {@code off} elsewhere; {@code (0, -2000)} is what log_softmax gives for logits
     * of ±1000, a one-hot row in log space.
     */
    private static Sampler oneHot(double on, double off) {
        return (rows, classes, random) -> {
            double[] values = new double[rows * classes];
            java.util.Arrays.fill(values, off);
            for (int r = 0; r < rows; r++) {
                values[r * classes + random.nextInt(classes)] = on;
            }
            return values;
        };
    }
}

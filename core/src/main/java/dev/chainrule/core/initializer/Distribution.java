package dev.chainrule.core.initializer;

/**
 * The distribution of an initializer's values, by its cumulative distribution function, mean and variance: what the
 * test kit compares the drawn numbers with.
 */
public interface Distribution {

    /** {@code P(X <= x)}. */
    double cdf(double x);

    /** The mean. */
    double mean();

    /** The variance. */
    double variance();

    /** Every value equal to {@code value}. */
    static Distribution constant(double value) {
        return new Distribution() {
            public double cdf(double x) {
                return x >= value ? 1 : 0;
            }

            public double mean() {
                return value;
            }

            public double variance() {
                return 0;
            }

            @Override
            public String toString() {
                return "constant " + value;
            }
        };
    }

    /** Uniform in {@code [low, high)}. */
    static Distribution uniform(double low, double high) {
        return new Distribution() {
            public double cdf(double x) {
                return x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
            }

            public double mean() {
                return (low + high) / 2;
            }

            public double variance() {
                return (high - low) * (high - low) / 12;
            }

            @Override
            public String toString() {
                return "uniform [" + low + ", " + high + ")";
            }
        };
    }

    /** Normal with the given mean and standard deviation, truncated to {@code mean ± bound * std}. */
    static Distribution truncatedNormal(double mean, double std, double bound) {
        return new TruncatedNormal(mean, std, bound);
    }

    /** Normal with the given mean and standard deviation. */
    static Distribution normal(double mean, double std) {
        return new TruncatedNormal(mean, std, Double.POSITIVE_INFINITY);
    }
}

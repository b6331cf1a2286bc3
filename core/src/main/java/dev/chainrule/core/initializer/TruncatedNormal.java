package dev.chainrule.core.initializer;

/** A normal distribution, optionally truncated symmetrically to {@code mean ± bound * std}. */
final class TruncatedNormal implements Distribution {

    private final double mean;
    private final double std;
    private final double bound;

    TruncatedNormal(double mean, double std, double bound) {
        this.mean = mean;
        this.std = std;
        this.bound = bound;
    }

    @Override
    public double cdf(double x) {
        double z = (x - mean) / std;
        if (z <= -bound) {
            return 0;
        }
        if (z >= bound) {
            return 1;
        }
        double low = Double.isInfinite(bound) ? 0 : Gaussian.cdf(-bound);
        double mass = Double.isInfinite(bound) ? 1 : Gaussian.cdf(bound) - low;
        return (Gaussian.cdf(z) - low) / mass;
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        if (Double.isInfinite(bound)) {
            return std * std;
        }
        double density = Math.exp(-bound * bound / 2) / Math.sqrt(2 * Math.PI);
        double mass = Gaussian.cdf(bound) - Gaussian.cdf(-bound);
        return std * std * (1 - 2 * bound * density / mass);
    }

    @Override
    public String toString() {
        return "normal(mean " + mean + ", std " + std + (Double.isInfinite(bound) ? "" : ", within " + bound + " std")
                + ")";
    }
}

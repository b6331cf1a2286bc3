package dev.chainrule.core.activation;

/**
 * The closed interval of inputs {@code [lower, upper]} on which an activation and its derivative are finite in a
 * given dtype. Most functions are finite everywhere; {@code exponential} overflows above {@code ln} of the largest
 * number ({@code 88.7} in float32, {@code 709.8} in float64). Tests feed an activation only inputs inside its domain
 * when they demand finite results.
 *
 * @param lower the smallest input with finite results, or negative infinity
 * @param upper the largest input with finite results, or positive infinity
 */
public record FiniteDomain(double lower, double upper) {

    /** Every real number. */
    public static final FiniteDomain EVERYWHERE = new FiniteDomain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public FiniteDomain {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("a finite domain needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** The inputs up to and including {@code upper}. */
    public static FiniteDomain atMost(double upper) {
        return new FiniteDomain(Double.NEGATIVE_INFINITY, upper);
    }

    /** Whether {@code x} lies in the domain. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}

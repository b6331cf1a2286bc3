package dev.chainrule.core.gradcheck;

/**
 * The outcome of a finite-difference gradient check: how far the analytical gradient strays from the numerical one
 * at its worst point.
 *
 * @param subject         what was checked, for example {@code activation tanh} or {@code layer 2 weights}
 * @param checked         how many points were compared
 * @param skipped         points left out because the function has no derivative there: a kink (one-sided slopes
 *                        disagree) or a jump (the difference quotient does not settle as the step shrinks)
 * @param maxError        the largest error, relative where the gradient is large and absolute where it is tiny
 * @param worstPoint      where the largest error occurred, for example {@code row 1, column 3 (z = 0.25)}
 * @param worstAnalytical the analytical derivative there
 * @param worstNumerical  the central-difference derivative there
 */
public record GradientCheckResult(String subject, int checked, int skipped, double maxError, String worstPoint,
        double worstAnalytical, double worstNumerical) {

    /** Whether the largest error is at most {@code tolerance}. */
    public boolean passes(double tolerance) {
        return maxError <= tolerance;
    }

    /** Throws an {@link AssertionError} naming the subject, the point and both numbers unless the check passes. */
    public GradientCheckResult requireWithin(double tolerance) {
        if (!passes(tolerance)) {
            throw new AssertionError(describe() + " exceeds the tolerance " + tolerance);
        }
        return this;
    }

    /** One line: subject, error, worst point and both numbers. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "gradient check of %s: max error %.3e at %s: analytical %.12g, numerical %.12g (%d points, %d kinks or jumps skipped)",
                subject, maxError, worstPoint, worstAnalytical, worstNumerical, checked, skipped);
    }

    @Override
    public String toString() {
        return describe();
    }
}

package dev.chainrule.core.gradcheck;

/** Collects analytical/numerical pairs and keeps the worst. */
final class ErrorTracker {

    /** Below this magnitude, errors are absolute: relative error of a near-zero derivative means nothing. */
    private static final double ABSOLUTE_FLOOR = 1e-6;

    private final String subject;
    private int checked;
    private int skipped;
    private double maxError;
    private String worstPoint = "nowhere";
    private double worstAnalytical;
    private double worstNumerical;

    ErrorTracker(String subject) {
        this.subject = subject;
    }

    /** Records one comparison; a difference within {@code noise} (the numerical value's rounding) counts as none. */
    void compare(String point, double analytical, double numerical, double noise) {
        checked++;
        double scale = Math.max(Math.max(Math.abs(analytical), Math.abs(numerical)), ABSOLUTE_FLOOR);
        double error = Math.max(0, Math.abs(analytical - numerical) - noise) / scale;
        if (Double.isNaN(error)) {
            error = Double.POSITIVE_INFINITY;
        }
        if (error > maxError || checked == 1) {
            maxError = error;
            worstPoint = point;
            worstAnalytical = analytical;
            worstNumerical = numerical;
        }
    }

    void skip() {
        skipped++;
    }

    GradientCheckResult result() {
        return new GradientCheckResult(subject, checked, skipped, maxError, worstPoint, worstAnalytical, worstNumerical);
    }
}

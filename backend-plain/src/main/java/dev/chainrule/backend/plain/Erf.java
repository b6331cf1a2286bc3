package dev.chainrule.backend.plain;

/**
 * The error function to double precision: a Maclaurin series near zero and a continued fraction for the complement
 * elsewhere (Abramowitz and Stegun 7.1.5 and 7.1.14).
 */
final class Erf {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Erf() {
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double magnitude = Math.abs(x);
        if (magnitude < 2.5) {
            return series(x);
        }
        if (magnitude > 6) {
            return Math.signum(x);
        }
        return Math.signum(x) * (1 - complement(magnitude));
    }

    /** erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)). */
    private static double series(double x) {
        double term = x;
        double sum = x;
        double square = x * x;
        for (int n = 1; n < 100; n++) {
            term *= -square / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.abs(next) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(x) for x > 0 by the continued fraction, evaluated from the tail (Lentz would do as well). */
    private static double complement(double x) {
        double fraction = 0;
        for (int n = 60; n >= 1; n--) {
            fraction = (n / 2.0) / (x + fraction);
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + fraction);
    }
}

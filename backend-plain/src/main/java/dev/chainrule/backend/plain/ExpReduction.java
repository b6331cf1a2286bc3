package dev.chainrule.backend.plain;

/**
 * The exponential in double by Cody-Waite range reduction, the recipe that {@link VectorFloat32Functions} follows lane
 * by lane: {@code x = n ln2 + r} with {@code n} the integer nearest {@code x / ln2} and {@code |r| <= ln2 / 2}, then
 * {@code e^x = 2^n e^r} with {@code e^r} from its Taylor polynomial of degree {@value #DEGREE} (truncated below
 * {@code 1e-14} relative) and {@code 2^n} written straight into a double's exponent bits. That is far inside half a
 * float ulp ({@code 6e-8}), so rounded to float it is the rounded exponential, or its neighbour for a float whose
 * exponential lies that close to the midpoint between two floats. The argument is first clamped to [{@value #LOWEST}, {@value #HIGHEST}],
 * where a float's exponential is already 0 or infinite, which keeps {@code n} inside double's normal exponents.
 */
final class ExpReduction {

    /** The polynomial's degree. */
    static final int DEGREE = 11;
    /** Below this a float's exponential rounds to zero. */
    static final double LOWEST = -104;
    /** Above this a float's exponential rounds to infinity. */
    static final double HIGHEST = 89;
    static final double LOG2_E = 0x1.71547652b82fep0;
    /** ln 2 to 32 bits, so that {@code n * LN2_HIGH} is exact for every {@code |n| < 2^20}. */
    static final double LN2_HIGH = 0x1.62e42feep-1;
    /** The rest of ln 2. */
    static final double LN2_LOW = 0x1.a39ef35793c76p-33;
    /**
     * {@code 1.5 * 2^52}: adding it to a double of magnitude below {@code 2^51} rounds it to an integer, which then
     * sits in the sum's low mantissa bits.
     */
    static final double SHIFTER = 0x1.8p52;
    /** The bits of {@link #SHIFTER}, less the exponent bias: what turns the shifted sum's bits into {@code n + 1023}. */
    static final long SHIFTER_BITS_LESS_BIAS = Double.doubleToRawLongBits(SHIFTER) - 1023;
    /** {@code 1 / k!} for {@code k} from {@value #DEGREE} down to 0, in the order Horner's rule takes them. */
    static final double[] COEFFICIENTS = coefficients();

    private ExpReduction() {
    }

    /** {@code e^x} for a float's {@code x}, as the vector lanes compute it; to be rounded to float. */
    static double exp(double x) {
        double clamped = Math.min(Math.max(x, LOWEST), HIGHEST);
        double shifted = clamped * LOG2_E + SHIFTER;
        double n = shifted - SHIFTER;
        double r = clamped - n * LN2_HIGH;
        r = r - n * LN2_LOW;
        double polynomial = COEFFICIENTS[0];
        for (int k = 1; k <= DEGREE; k++) {
            polynomial = polynomial * r + COEFFICIENTS[k];
        }
        long scaleBits = (Double.doubleToRawLongBits(shifted) - SHIFTER_BITS_LESS_BIAS) << 52;
        return polynomial * Double.longBitsToDouble(scaleBits);
    }

    private static double[] coefficients() {
        double[] coefficients = new double[DEGREE + 1];
        double factorial = 1;
        for (int k = 1; k <= DEGREE; k++) {
            factorial *= k;
        }
        for (int k = DEGREE; k >= 0; k--) {
            coefficients[DEGREE - k] = 1 / factorial;
            factorial /= Math.max(k, 1);
        }
        return coefficients;
    }
}

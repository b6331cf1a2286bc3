package dev.chainrule.core.data;

/**
 * Plain decimal numbers ({@code 255}, {@code -0.125}, {@code .5}) read straight from text, without the general
 * parser's buffers and objects, to exactly the {@code double} that {@link Double#parseDouble} gives. It takes Clinger's fast path:
 * when the digits, read as an integer {@code m}, stay below 2^53 and at most 22 of them follow the point, both
 * {@code m} and {@code 10^scale} are exact doubles, so the one correctly rounded division {@code m / 10^scale} is the
 * correctly rounded value of the text. Anything else (exponents, more digits, {@code NaN}, hexadecimal, a type
 * suffix, text that is no number at all) is left to {@code Double.parseDouble}.
 */
final class DecimalText {

    private static final long EXACT_LIMIT = 1L << 53;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalText() {
    }

    /**
     * The number {@code text} spells, surrounding spaces and control characters ignored as {@code String.trim} ignores
     * them.
     *
     * @throws NumberFormatException when the text is no number, as from {@code Double.parseDouble}
     */
    static double parse(String text) {
        double value = fastPath(text);
        return Double.isNaN(value) ? Double.parseDouble(text) : value;
    }

    /** The value when the text is a plain decimal that the fast path reads exactly, else {@code NaN}. */
    static double fastPath(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        boolean negative = false;
        if (start < end && (text.charAt(start) == '-' || text.charAt(start) == '+')) {
            negative = text.charAt(start) == '-';
            start++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa >= EXACT_LIMIT) {
                    return Double.NaN;
                }
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || scale >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double magnitude = scale <= 0 ? mantissa : mantissa / POWERS_OF_TEN[scale];
        return negative ? -magnitude : magnitude;
    }
}

package dev.chainrule.onnx;

/**
 * The error function in primitive operators, to double precision, for runtimes without a float64 {@code Erf} (ONNX
 * Runtime's CPU provider): the Maclaurin series for {@code |x| < 2.5}, the continued fraction of the complement up
 * to 6 and {@code sign(x)} beyond (Abramowitz and Stegun 7.1.5 and 7.1.14), both unrolled, as Chainrule's plain
 * backend computes it.
 */
final class ErfFormula {

    private static final double SERIES_LIMIT = 2.5;
    private static final double SATURATION = 6;
    private static final int SERIES_TERMS = 45;
    private static final int FRACTION_TERMS = 60;

    private ErfFormula() {
    }

    static String erf(OnnxGraph g, String x) {
        String near = g.op("Min", g.op("Max", x, g.constant(-SERIES_LIMIT)), g.constant(SERIES_LIMIT));
        String series = series(g, near);
        String magnitude = g.op("Max", g.op("Abs", x), g.constant(SERIES_LIMIT));
        String bounded = g.op("Min", magnitude, g.constant(SATURATION));
        String tail = g.op("Mul", g.op("Sign", x), g.op("Sub", g.constant(1), complement(g, bounded)));
        String far = g.op("Where", g.op("Greater", g.op("Abs", x), g.constant(SATURATION)), g.op("Sign", x), tail);
        return g.op("Where", g.op("Less", g.op("Abs", x), g.constant(SERIES_LIMIT)), series, far);
    }

    private static String series(OnnxGraph g, String x) {
        String negativeSquare = g.op("Neg", g.op("Mul", x, x));
        String term = x;
        String sum = x;
        for (int n = 1; n < SERIES_TERMS; n++) {
            term = g.op("Div", g.op("Mul", term, negativeSquare), g.constant(n));
            sum = g.op("Add", sum, g.op("Div", term, g.constant(2 * n + 1)));
        }
        return g.op("Mul", sum, g.constant(2 / Math.sqrt(Math.PI)));
    }

    private static String complement(OnnxGraph g, String x) {
        String fraction = g.constant(0);
        for (int n = FRACTION_TERMS; n >= 1; n--) {
            fraction = g.op("Div", g.constant(n / 2.0), g.op("Add", x, fraction));
        }
        String gauss = g.op("Div", g.op("Exp", g.op("Neg", g.op("Mul", x, x))), g.constant(Math.sqrt(Math.PI)));
        return g.op("Div", gauss, g.op("Add", x, fraction));
    }
}

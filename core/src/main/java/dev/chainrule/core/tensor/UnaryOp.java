package dev.chainrule.core.tensor;

/**
 * Element-wise functions of one tensor that every backend implements natively. Activations and losses are
 * written in terms of these, so that they run on every backend without per-backend code.
 */
public enum UnaryOp {
    /** {@code -x}. */
    NEG,
    /** {@code |x|}. */
    ABS,
    /** {@code -1, 0 or 1} by the sign of {@code x}. */
    SIGN,
    /** {@code e^x}. */
    EXP,
    /** {@code e^x - 1}, accurate near 0. */
    EXPM1,
    /** natural logarithm. */
    LOG,
    /** {@code log(1 + x)}, accurate near 0. */
    LOG1P,
    /** square root. */
    SQRT,
    /** {@code x^2}. */
    SQUARE,
    /** {@code 1 / x}. */
    RECIPROCAL,
    /** hyperbolic tangent. */
    TANH,
    /** the Gauss error function. */
    ERF,
    /** sine. */
    SIN,
    /** cosine. */
    COS,
    /** largest integer not greater than {@code x}. */
    FLOOR
}

package dev.chainrule.core.tensor;

/**
 * Element-wise functions of two operands that every backend implements natively. Comparisons give a mask of
 * {@code 1} where they hold and {@code 0} elsewhere, in the tensors' own dtype.
 */
public enum BinaryOp {
    /** {@code a + b}. */
    ADD,
    /** {@code a - b}. */
    SUB,
    /** {@code a * b}. */
    MUL,
    /** {@code a / b}. */
    DIV,
    /** {@code a ^ b}. */
    POW,
    /** the larger of {@code a} and {@code b}. */
    MAX,
    /** the smaller of {@code a} and {@code b}. */
    MIN,
    /** {@code 1} where {@code a > b}. */
    GREATER,
    /** {@code 1} where {@code a >= b}. */
    GREATER_EQUAL,
    /** {@code 1} where {@code a < b}. */
    LESS,
    /** {@code 1} where {@code a <= b}. */
    LESS_EQUAL,
    /** {@code 1} where {@code a == b}. */
    EQUAL
}

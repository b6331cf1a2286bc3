package dev.chainrule.core.tensor;

/** Reductions that every backend implements natively. */
public enum ReduceOp {
    /** the sum. */
    SUM,
    /** the arithmetic mean. */
    MEAN,
    /** the largest element. */
    MAX,
    /** the smallest element. */
    MIN
}

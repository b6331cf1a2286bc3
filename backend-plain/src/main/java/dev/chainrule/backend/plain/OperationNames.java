package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.ReduceAxis;
import dev.chainrule.core.tensor.ReduceOp;
import dev.chainrule.core.tensor.UnaryOp;

/**
 * The names that argument checks put in their messages ({@code "unary TANH"}, {@code "reduce SUM PER_ROW"}), made
 * once: joining them on every call would allocate a string per operation, and batch-1 inference is meant to allocate
 * nothing.
 */
final class OperationNames {

    private static final String[] UNARY = names("unary ", UnaryOp.values());
    private static final String[] BINARY = names("binary ", BinaryOp.values());
    private static final String[] REDUCE = names("reduce ", ReduceOp.values());
    private static final String[] REDUCE_ALL = names("reduceAll ", ReduceOp.values());
    private static final String[][] REDUCE_ALONG = new String[ReduceOp.values().length][];

    static {
        for (ReduceOp op : ReduceOp.values()) {
            REDUCE_ALONG[op.ordinal()] = names("reduce " + op + " ", ReduceAxis.values());
        }
    }

    private OperationNames() {
    }

    static String unary(UnaryOp op) {
        return UNARY[op.ordinal()];
    }

    static String binary(BinaryOp op) {
        return BINARY[op.ordinal()];
    }

    static String reduce(ReduceOp op) {
        return REDUCE[op.ordinal()];
    }

    static String reduce(ReduceOp op, ReduceAxis axis) {
        return REDUCE_ALONG[op.ordinal()][axis.ordinal()];
    }

    static String reduceAll(ReduceOp op) {
        return REDUCE_ALL[op.ordinal()];
    }

    private static String[] names(String prefix, Enum<?>[] values) {
        String[] names = new String[values.length];
        for (Enum<?> value : values) {
            names[value.ordinal()] = prefix + value;
        }
        return names;
    }
}

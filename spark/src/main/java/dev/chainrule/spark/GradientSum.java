package dev.chainrule.spark;

import java.io.Serializable;

/**
 * The sum over some rows of a batch of every parameter's gradient ({@code rows x} the mean that backpropagation
 * gives) and of the loss, flattened in the order of the network's parameters; sums of disjoint rows add up to the
 * sum over their union. The empty sum has no values (nothing to ship for a partition without rows in a batch).
 *
 * @param values the gradient sums, or {@code null} for the empty sum
 * @param loss   the sum of the rows' losses
 * @param rows   the number of rows
 */
record GradientSum(double[] values, double loss, long rows) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The sum of no rows. */
    static final GradientSum EMPTY = new GradientSum(null, 0, 0);

    /** This sum and {@code other}'s; may reuse this sum's array. */
    GradientSum plus(GradientSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            return other;
        }
        if (values.length != other.values.length) {
            throw new IllegalArgumentException("gradient sums of " + values.length + " and " + other.values.length
                    + " parameters do not add up");
        }
        double[] sum = values;
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new GradientSum(sum, loss + other.loss, rows + other.rows);
    }
}

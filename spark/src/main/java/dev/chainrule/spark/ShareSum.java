package dev.chainrule.spark;

import dev.chainrule.core.training.GradientSum;
import java.io.Serializable;

/**
 * A {@link GradientSum} on its way through Spark, flattened ({@link GradientSum#toArray()}); the empty sum, of a
 * partition without rows in a batch, has no array.
 *
 * @param flat the flattened sum, or {@code null} for the empty sum
 */
record ShareSum(double[] flat) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The sum of no rows. */
    static final ShareSum EMPTY = new ShareSum(null);

    /** The share of {@code sum}. */
    static ShareSum of(GradientSum sum) {
        return new ShareSum(sum.toArray());
    }

    /** This sum and {@code other}'s. */
    ShareSum plus(ShareSum other) {
        if (other.flat == null) {
            return this;
        }
        if (flat == null) {
            return other;
        }
        return of(sum().plus(other.sum()));
    }

    /** The gradient sum; a sum of no rows is an error. */
    GradientSum sum() {
        if (flat == null) {
            throw new IllegalStateException("a global batch of no rows: the partitions returned no gradient");
        }
        return GradientSum.fromArray(flat);
    }
}

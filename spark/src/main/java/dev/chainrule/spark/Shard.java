package dev.chainrule.spark;

import java.io.Serializable;

/**
 * One partition's rows as Java numbers, row-major, with the global index of its first row: the rows of a
 * {@link TrainingData} are numbered 0 to size - 1 across partitions in partition order, and a shard holds the rows
 * {@code firstRow .. firstRow + rows - 1}.
 *
 * @param partition    the partition index
 * @param firstRow     the global index of the shard's first row
 * @param features     {@code rows x featureCount}
 * @param featureCount features per row
 * @param targets      {@code rows x targetCount}
 * @param targetCount  targets per row
 */
record Shard(int partition, long firstRow, double[] features, int featureCount, double[] targets, int targetCount)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The number of rows. */
    int rows() {
        return targets.length / targetCount;
    }

    /** Whether the global row {@code row} is in this shard. */
    boolean holds(long row) {
        return row >= firstRow && row < firstRow + rows();
    }

    /** The features and targets of the shard's rows at the given local indices, in that order. */
    Rows select(int[] local, int count) {
        double[] x = new double[count * featureCount];
        double[] y = new double[count * targetCount];
        for (int i = 0; i < count; i++) {
            System.arraycopy(features, local[i] * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, local[i] * targetCount, y, i * targetCount, targetCount);
        }
        return new Rows(x, y, count);
    }

    /** Selected rows: features and targets, row-major. */
    record Rows(double[] features, double[] targets, int count) {
    }
}

package dev.chainrule.core.data;

import dev.chainrule.core.tensor.Tensor;
import java.util.Objects;

/**
 * A batch of rows of a {@link RowTable}: those listed in {@code order} from {@code offset} (all rows in order when
 * {@code order} is null), widened into work arrays that the batch is given or makes.
 */
final class RowBatch implements Batch {

    private final RowTable table;
    private final int[] order;
    private final int offset;
    private final int rows;
    private final Buffers buffers;

    /** Work arrays for a batch's widened features and targets; reused by the batches of one stream. */
    static final class Buffers {
        private double[] features = new double[0];
        private double[] targets = new double[0];

        double[] features(int length) {
            if (features.length != length) {
                features = new double[length];
            }
            return features;
        }

        double[] targets(int length) {
            if (targets.length != length) {
                targets = new double[length];
            }
            return targets;
        }
    }

    RowBatch(RowTable table) {
        this(table, null, 0, table.rows(), new Buffers());
    }

    RowBatch(RowTable table, int[] order, int offset, int rows, Buffers buffers) {
        this.table = table;
        this.order = order;
        this.offset = offset;
        this.rows = rows;
        this.buffers = Objects.requireNonNull(buffers, "buffers");
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int featureCount() {
        return table.featureCount();
    }

    @Override
    public int targetCount() {
        return table.targetCount();
    }

    @Override
    public void writeTo(Tensor x, Tensor y) {
        if (order == null && offset == 0 && rows == table.rows() && table.doubles() != null) {
            x.backend().assign(table.doubles(), x);
            y.backend().assign(table.targets(), y);
            return;
        }
        int width = table.featureCount();
        int targets = table.targetCount();
        double[] features = buffers.features(rows * width);
        double[] values = buffers.targets(rows * targets);
        for (int r = 0; r < rows; r++) {
            int row = row(r);
            table.copyRow(row, features, r * width);
            table.copyTargets(row, values, r * targets);
        }
        x.backend().assign(features, x);
        y.backend().assign(values, y);
    }

    @Override
    public double target(int row, int column) {
        return table.target(row(row), column);
    }

    private int row(int r) {
        return order == null ? offset + r : order[offset + r];
    }
}

package dev.chainrule.core.data;

import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Rows held in arrays of doubles, floats, or unsigned bytes with a scale, widened one batch at a time and never as a
 * whole (a float data set stays floats). A shuffled pass visits the rows in a permutation drawn from the pass's
 * generator (Fisher-Yates); otherwise in array order. Keeps the arrays it is given (not copied).
 */
public final class ArraySource implements BatchSource {

    private final RowTable table;

    private ArraySource(RowTable table) {
        this.table = table;
    }

    /** Rows of doubles, row-major. */
    public static ArraySource ofDoubles(double[] features, int featureCount, double[] targets, int targetCount) {
        return new ArraySource(RowTable.ofDoubles(features, featureCount, targets, targetCount));
    }

    /** Rows of floats, row-major. */
    public static ArraySource ofFloats(float[] features, int featureCount, double[] targets, int targetCount) {
        return new ArraySource(RowTable.ofFloats(features, featureCount, targets, targetCount));
    }

    /** Rows of unsigned bytes, each standing for {@code (b & 0xff) * scale}, row-major. */
    public static ArraySource ofUnsignedBytes(byte[] features, int featureCount, double scale, double[] targets,
            int targetCount) {
        return new ArraySource(RowTable.ofUnsignedBytes(features, featureCount, scale, targets, targetCount));
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
    public OptionalLong rows() {
        return OptionalLong.of(table.rows());
    }

    @Override
    public BatchStream open(Pass pass) {
        int n = table.rows();
        int[] order = pass.shuffling().map(random -> permutation(n, random)).orElse(null);
        RowBatch.Buffers buffers = new RowBatch.Buffers();
        return BatchStream.of(new java.util.Iterator<>() {
            private int offset;

            @Override
            public boolean hasNext() {
                return offset < n;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int rows = Math.min(pass.batchSize(), n - offset);
                Batch batch = new RowBatch(table, order, offset, rows, buffers);
                offset += rows;
                return batch;
            }
        });
    }

    @Override
    public String describe() {
        return table.rows() + " rows in memory";
    }

    /** A random permutation of {@code 0 .. n-1} (Fisher-Yates) drawn from {@code random}. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}

package dev.chainrule.core.data;

import java.io.IOException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Fills a batch's arrays with a stream's next rows: read straight into the batch in file order, or into a
 * {@link ShuffleBuffer}'s slot and copied from there into the batch when it is drawn. What the read-ahead thread of a
 * {@link RowStream} does, one batch at a time.
 */
final class BatchAssembly implements AutoCloseable {

    private final RowReader rows;
    private final int featureCount;
    private final int targetCount;
    private final int batchSize;
    private final ShuffleBuffer shuffle;
    private double[] bufferFeatures;
    private double[] bufferTargets;
    private double[] features;
    private double[] targets;
    private int filled;

    /**
     * Batches of {@code batchSize} rows of {@code rows}, shuffled through a buffer of {@code capacity} rows when
     * {@code shuffling} holds a generator (which the assembly keeps and advances).
     */
    BatchAssembly(RowReader rows, int featureCount, int targetCount, int batchSize,
            Optional<SplittableRandom> shuffling, int capacity) {
        this.rows = rows;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.batchSize = batchSize;
        this.shuffle = shuffling.map(random -> buffer(capacity, random)).orElse(null);
    }

    private ShuffleBuffer buffer(int capacity, SplittableRandom random) {
        bufferFeatures = new double[capacity * featureCount];
        bufferTargets = new double[capacity * targetCount];
        return new ShuffleBuffer(capacity, random, new ShuffleBuffer.Slots() {
            @Override
            public boolean read(int slot) throws IOException {
                return rows.read(bufferFeatures, slot * featureCount, bufferTargets, slot * targetCount);
            }

            @Override
            public void emit(int slot) {
                System.arraycopy(bufferFeatures, slot * featureCount, features, filled * featureCount, featureCount);
                System.arraycopy(bufferTargets, slot * targetCount, targets, filled * targetCount, targetCount);
            }

            @Override
            public void move(int from, int to) {
                System.arraycopy(bufferFeatures, from * featureCount, bufferFeatures, to * featureCount, featureCount);
                System.arraycopy(bufferTargets, from * targetCount, bufferTargets, to * targetCount, targetCount);
            }
        });
    }

    /** Rows per full batch. */
    int batchSize() {
        return batchSize;
    }

    /**
     * Writes the next rows into {@code features} and {@code targets} (modified; {@code batchSize} rows long) from
     * their start; returns how many, fewer than a batch only at the stream's end.
     */
    int fill(double[] features, double[] targets) throws IOException {
        this.features = features;
        this.targets = targets;
        filled = 0;
        while (filled < batchSize && nextRow()) {
            filled++;
        }
        return filled;
    }

    private boolean nextRow() throws IOException {
        if (shuffle != null) {
            return shuffle.next();
        }
        return rows.read(features, filled * featureCount, targets, filled * targetCount);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}

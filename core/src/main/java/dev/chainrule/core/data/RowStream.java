package dev.chainrule.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The batches of one pass over a streamed file: rows read ahead on a thread ({@link ReadAhead}), shuffled through a
 * {@link ShuffleBuffer} when the pass shuffles, grouped into batches of the pass's size. Each batch has arrays of its
 * own; the buffer holds {@code capacity} rows, so memory does not grow with the file.
 */
final class RowStream implements BatchStream {

    private final RowReader rows;
    private final int featureCount;
    private final int targetCount;
    private final int batchSize;
    private final ShuffleBuffer shuffle;
    private double[] bufferFeatures;
    private double[] bufferTargets;
    private double[] batchFeatures;
    private double[] batchTargets;
    private int filled;
    private Batch ready;
    private boolean ended;

    RowStream(RowReader reader, int featureCount, int targetCount, BatchSource.Pass pass, int capacity, String name) {
        this.rows = new ReadAhead(reader, featureCount, targetCount, name);
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.batchSize = pass.batchSize();
        this.shuffle = pass.shuffling().map(random -> buffer(capacity, random)).orElse(null);
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
                System.arraycopy(bufferFeatures, slot * featureCount, batchFeatures, filled * featureCount,
                        featureCount);
                System.arraycopy(bufferTargets, slot * targetCount, batchTargets, filled * targetCount, targetCount);
            }

            @Override
            public void move(int from, int to) {
                System.arraycopy(bufferFeatures, from * featureCount, bufferFeatures, to * featureCount, featureCount);
                System.arraycopy(bufferTargets, from * targetCount, bufferTargets, to * targetCount, targetCount);
            }
        });
    }

    @Override
    public boolean hasNext() {
        if (ready == null && !ended) {
            ready = assemble();
        }
        return ready != null;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = ready;
        ready = null;
        return batch;
    }

    private Batch assemble() {
        batchFeatures = new double[batchSize * featureCount];
        batchTargets = new double[batchSize * targetCount];
        filled = 0;
        try {
            while (filled < batchSize && nextRow()) {
                filled++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (filled < batchSize) {
            ended = true;
            if (filled == 0) {
                return null;
            }
            batchFeatures = java.util.Arrays.copyOf(batchFeatures, filled * featureCount);
            batchTargets = java.util.Arrays.copyOf(batchTargets, filled * targetCount);
        }
        return Batch.of(batchFeatures, featureCount, batchTargets, targetCount);
    }

    private boolean nextRow() throws IOException {
        if (shuffle != null) {
            return shuffle.next();
        }
        return rows.read(batchFeatures, filled * featureCount, batchTargets, filled * targetCount);
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            // closing a read-ahead thread does not fail
        }
    }
}

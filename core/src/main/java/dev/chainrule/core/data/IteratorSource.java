package dev.chainrule.core.data;

import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The application's own batches, in the application's order: each pass asks {@code batchesOfEpoch} for a fresh
 * iterator. The session never reorders them (a pass's shuffling generator is ignored). For exact resume from a
 * checkpoint, the iterator of an epoch must give the same batches every time it is asked for.
 */
public final class IteratorSource implements BatchSource {

    private final int featureCount;
    private final int targetCount;
    private final IntFunction<? extends Iterator<? extends Batch>> batchesOfEpoch;

    /**
     * A source over the application's batches.
     *
     * @param batchesOfEpoch given the 1-based epoch, a fresh iterator of its batches
     */
    public IteratorSource(int featureCount, int targetCount,
            IntFunction<? extends Iterator<? extends Batch>> batchesOfEpoch) {
        if (featureCount < 1 || targetCount < 1) {
            throw new IllegalArgumentException("batches need at least one feature and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.batchesOfEpoch = batchesOfEpoch;
    }

    /** The same batches every epoch. */
    public static IteratorSource of(int featureCount, int targetCount, Iterable<? extends Batch> batches) {
        return new IteratorSource(featureCount, targetCount, epoch -> batches.iterator());
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    @Override
    public int targetCount() {
        return targetCount;
    }

    @Override
    public OptionalLong rows() {
        return OptionalLong.empty();
    }

    @Override
    public BatchStream open(Pass pass) {
        Iterator<? extends Batch> batches = batchesOfEpoch.apply(pass.epoch());
        return BatchStream.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public Batch next() {
                Batch batch = batches.next();
                if (batch.featureCount() != featureCount || batch.targetCount() != targetCount) {
                    throw new IllegalArgumentException("the application's batch has " + batch.featureCount()
                            + " features and " + batch.targetCount() + " targets per row, but the source declared "
                            + featureCount + " and " + targetCount);
                }
                return batch;
            }
        });
    }

    @Override
    public String describe() {
        return "the application's batches";
    }
}

package dev.chainrule.spark;

import dev.chainrule.core.data.ArraySource;
import java.util.SplittableRandom;

/**
 * The global mini-batches of a run, exactly as Chainrule's single-machine session visits an in-memory data set: from the seed, a root
 * generator whose first split shuffles (one further split per epoch, a Fisher-Yates permutation of the row numbers),
 * and batches cut in that order, the last batch of an epoch possibly smaller. Step {@code s} (counted from 0 over
 * the whole run) is batch {@code s % batchesPerEpoch} of epoch {@code s / batchesPerEpoch + 1}.
 */
final class BatchPlan {

    private final long seed;
    private final int size;
    private final int batchSize;
    private final boolean shuffle;

    BatchPlan(long seed, int size, int batchSize, boolean shuffle) {
        this.seed = seed;
        this.size = size;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
    }

    /** Batches per epoch. */
    int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    /** The row order of epoch {@code epoch} (from 1). */
    int[] order(int epoch) {
        if (!shuffle) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            return order;
        }
        SplittableRandom shuffling = new SplittableRandom(seed).split();
        SplittableRandom random = null;
        for (int e = 1; e <= epoch; e++) {
            random = shuffling.split();
        }
        return permutation(size, random);
    }

    /** A permutation of {@code 0 .. n-1} drawn from {@code random}, as the single-machine session draws it. */
    static int[] permutation(int n, SplittableRandom random) {
        return ArraySource.permutation(n, random);
    }

    /** The first position in an epoch's order of batch {@code batch} (from 0). */
    int offset(int batch) {
        return batch * batchSize;
    }

    /** The rows of batch {@code batch} (from 0). */
    int rows(int batch) {
        return Math.min(batchSize, size - batch * batchSize);
    }

    /**
     * The local indices, in batch order, of the rows of batch {@code batch} of {@code order} that {@code shard}
     * holds; the count is the array's length.
     */
    static int[] share(Shard shard, int[] order, int offset, int rows) {
        int[] local = new int[rows];
        int count = 0;
        for (int i = offset; i < offset + rows; i++) {
            if (shard.holds(order[i])) {
                local[count++] = (int) (order[i] - shard.firstRow());
            }
        }
        return java.util.Arrays.copyOf(local, count);
    }

    /** The seed of the random numbers (dropout's masks) of partition {@code partition} at step {@code step}. */
    static long noiseSeed(long seed, long step, int partition) {
        return new SplittableRandom(seed ^ 0x5DEECE66DL * (step + 1) ^ 0x9E3779B97F4A7C15L * (partition + 1))
                .nextLong();
    }
}

package dev.chainrule.core.data;

import dev.chainrule.core.tensor.Tensor;

/**
 * One mini-batch: {@link #rows()} examples of {@link #featureCount()} features and {@link #targetCount()} targets. A
 * batch writes itself into the tensors a training session reuses, so that rows kept compactly (floats, bytes) are
 * widened to the backend's numbers one batch at a time, never as a whole data set.
 *
 * <p>A batch handed out by a {@link BatchSource}'s iterator may share buffers with the next one: use it before taking
 * the next. Batches made by {@link #of} keep the arrays they are given (not copied).
 */
public interface Batch {

    /** Number of examples, at least 1. */
    int rows();

    /** Features per example. */
    int featureCount();

    /** Targets per example. */
    int targetCount();

    /**
     * Writes the features into {@code x} and the targets into {@code y}.
     *
     * @param x {@code rows x featureCount}; modified
     * @param y {@code rows x targetCount}; modified
     */
    void writeTo(Tensor x, Tensor y);

    /** Target {@code column} of example {@code row} (for accuracy counts). */
    double target(int row, int column);

    /** A batch of rows of doubles, row-major; keeps the arrays. */
    static Batch of(double[] features, int featureCount, double[] targets, int targetCount) {
        return new RowBatch(RowTable.ofDoubles(features, featureCount, targets, targetCount));
    }

    /** A batch of rows of floats (not widened until written), row-major; keeps the arrays. */
    static Batch ofFloats(float[] features, int featureCount, double[] targets, int targetCount) {
        return new RowBatch(RowTable.ofFloats(features, featureCount, targets, targetCount));
    }

    /** A batch of unsigned bytes, each standing for {@code (b & 0xff) * scale}, row-major; keeps the arrays. */
    static Batch ofUnsignedBytes(byte[] features, int featureCount, double scale, double[] targets, int targetCount) {
        return new RowBatch(RowTable.ofUnsignedBytes(features, featureCount, scale, targets, targetCount));
    }
}

package dev.chainrule.core.data;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Where a training session's mini-batches come from: one {@linkplain #open pass} per epoch. A source is
 * <em>replayable</em> when opening the same pass twice gives the same batches in the same order; every built-in is, so
 * a checkpoint records only the epoch and the number of batches taken, and resuming reopens the pass and skips them.
 * An {@link IteratorSource} over an application's iterator is replayable when the application makes it so.
 *
 * <p>Shuffling is the session's decision (its configuration's {@code shuffle}): a pass that should shuffle carries a
 * generator split from the session's seed; a source that cannot shuffle (an application's order) ignores it.
 */
public interface BatchSource {

    /** Features per example. */
    int featureCount();

    /** Targets per example. */
    int targetCount();

    /** Examples per pass, when known before reading (a streaming file's count is known after its first pass). */
    OptionalLong rows();

    /** Starts a pass. The stream must be closed (a streaming source holds an open file). */
    BatchStream open(Pass pass);

    /** What a source says about itself in logs and messages: a file name, "12000 rows in memory". */
    String describe();

    /**
     * One pass over a source.
     *
     * @param epoch     1-based epoch the pass serves
     * @param batchSize examples per batch; the last batch of a pass may be smaller
     * @param shuffling the generator to shuffle with, or empty to keep the source's own order
     */
    record Pass(int epoch, int batchSize, Optional<SplittableRandom> shuffling) {

        public Pass {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            Objects.requireNonNull(shuffling, "shuffling");
        }
    }
}

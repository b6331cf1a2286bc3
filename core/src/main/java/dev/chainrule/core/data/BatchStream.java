package dev.chainrule.core.data;

import java.util.Iterator;

/**
 * The batches of one pass of a {@link BatchSource}, in order; holds whatever the pass reads from (a file, a reader
 * thread) until closed. Reading problems surface as {@link java.io.UncheckedIOException} or
 * {@link IllegalArgumentException} naming the file, line and column.
 */
public interface BatchStream extends Iterator<Batch>, AutoCloseable {

    /** Skips up to {@code batches} batches (resuming mid-pass); returns how many were skipped. */
    default long skip(long batches) {
        long skipped = 0;
        while (skipped < batches && hasNext()) {
            next();
            skipped++;
        }
        return skipped;
    }

    /** Releases the pass's file and threads; never throws. */
    @Override
    void close();

    /** A stream over an iterator that holds nothing to release. */
    static BatchStream of(Iterator<Batch> batches) {
        return new BatchStream() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public Batch next() {
                return batches.next();
            }

            @Override
            public void close() {
            }
        };
    }
}

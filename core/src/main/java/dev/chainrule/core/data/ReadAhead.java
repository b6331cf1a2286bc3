package dev.chainrule.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses rows ahead on a daemon thread: the reader fills chunks of {@value #CHUNK_ROWS} rows, at most
 * {@value #CHUNKS} chunks ahead of the consumer, so that parsing text overlaps training. A reading error reaches the
 * consumer at the row where it happened.
 */
final class ReadAhead implements RowReader {

    static final int CHUNK_ROWS = 256;
    static final int CHUNKS = 8;

    private record Chunk(double[] features, double[] targets, int rows, Exception failure) {
    }

    private final int featureCount;
    private final int targetCount;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int next;

    ReadAhead(RowReader reader, int featureCount, int targetCount, String name) {
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.thread = new Thread(() -> produce(reader), "chainrule-read-ahead " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(RowReader reader) {
        try (reader) {
            while (!closed) {
                double[] features = new double[CHUNK_ROWS * featureCount];
                double[] targets = new double[CHUNK_ROWS * targetCount];
                int rows = 0;
                while (rows < CHUNK_ROWS && reader.read(features, rows * featureCount, targets, rows * targetCount)) {
                    rows++;
                }
                put(new Chunk(features, targets, rows, null));
                if (rows < CHUNK_ROWS) {
                    return;
                }
            }
        } catch (Exception e) {
            put(new Chunk(null, null, 0, e));
        }
    }

    private void put(Chunk chunk) {
        try {
            while (!closed && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // wait for the consumer, or for close
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean read(double[] features, int featureOffset, double[] targets, int targetOffset) throws IOException {
        while (current == null || next == current.rows()) {
            if (current != null && current.rows() < CHUNK_ROWS) {
                return false;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the read-ahead thread", e);
            }
            next = 0;
            if (current.failure() != null) {
                Exception failure = current.failure();
                current = new Chunk(null, null, 0, null);
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof UncheckedIOException unchecked) {
                    throw unchecked.getCause();
                }
                throw (RuntimeException) failure;
            }
        }
        System.arraycopy(current.features(), next * featureCount, features, featureOffset, featureCount);
        System.arraycopy(current.targets(), next * targetCount, targets, targetOffset, targetCount);
        next++;
        return true;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        thread.interrupt();
    }
}

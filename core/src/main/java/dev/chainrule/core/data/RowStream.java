package dev.chainrule.core.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The batches of one pass over a streamed file, read ahead on a daemon thread: the thread parses rows, shuffles them
 * through a {@link ShuffleBuffer} when the pass shuffles, and fills whole batches ({@link BatchAssembly}), so that all
 * of that overlaps training and the consumer only takes finished batches. The thread hands them over a chunk of
 * batches (about {@value #CHUNK_ROWS} rows) at a time, so that small batches do not each wake a thread; the chunks'
 * arrays come from a pool of at most {@link #pool} chunks (about {@value #ROWS_AHEAD} rows, at least two) that the
 * consumer gives back once it has taken the chunk's last batch and then the next one, as {@link Batch} allows. Memory
 * therefore does not grow with the file, nor with the number of batches. A reading error reaches the consumer after
 * the batches completed before it.
 */
final class RowStream implements BatchStream {

    /** About how many rows a chunk of batches holds (at least one batch). */
    static final int CHUNK_ROWS = 256;
    /** About how many rows the pool of chunks holds (at least two chunks). */
    static final int ROWS_AHEAD = 1024;

    /**
     * Batches handed over together, each in arrays of its own.
     *
     * @param filled  how many of the batches are filled
     * @param rows    rows of the last filled batch, fewer than a batch only at the end of the pass
     * @param last    whether the pass ends with this chunk
     * @param failure what ended the pass, after the batches filled before it
     */
    private record Chunk(double[][] features, double[][] targets, int filled, int rows, boolean last,
            Throwable failure) {
    }

    private final int featureCount;
    private final int targetCount;
    private final int batchSize;
    private final BlockingQueue<Chunk> ready;
    private final BlockingQueue<Chunk> free;
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int taken;
    private Chunk pending;
    private boolean ended;

    RowStream(RowReader reader, int featureCount, int targetCount, BatchSource.Pass pass, int capacity, String name) {
        this.featureCount = featureCount;
        this.targetCount = targetCount;
        this.batchSize = pass.batchSize();
        int pool = pool(batchSize);
        this.ready = new ArrayBlockingQueue<>(pool + 1);
        this.free = new ArrayBlockingQueue<>(pool);
        BatchAssembly assembly = new BatchAssembly(reader, featureCount, targetCount, batchSize, pass.shuffling(),
                capacity);
        this.thread = new Thread(() -> produce(assembly, pool), "chainrule-read-ahead " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The batches a chunk holds: about {@value #CHUNK_ROWS} rows, at least one. */
    static int chunkBatches(int batchSize) {
        return Math.max(1, CHUNK_ROWS / batchSize);
    }

    /**
     * The chunks whose arrays a pass keeps: about {@value #ROWS_AHEAD} rows, at least 2 and at most 8. Some ten batches
     * of the seed network are enough to cover a pause of the thread, and fewer arrays stay warmer in the cache.
     */
    static int pool(int batchSize) {
        return Math.max(2, Math.min(8, ROWS_AHEAD / (chunkBatches(batchSize) * batchSize)));
    }

    private void produce(BatchAssembly assembly, int pool) {
        int batches = chunkBatches(batchSize);
        int made = 0;
        try (assembly) {
            while (!closed) {
                Chunk chunk = made++ < pool ? newChunk(batches) : free.take();
                int filled = 0;
                int rows = batchSize;
                try {
                    while (filled < batches && rows == batchSize) {
                        rows = assembly.fill(chunk.features()[filled], chunk.targets()[filled]);
                        filled += rows > 0 ? 1 : 0;
                    }
                } catch (Throwable e) {
                    if (filled > 0) {
                        ready.add(new Chunk(chunk.features(), chunk.targets(), filled, batchSize, false, null));
                    }
                    throw e;
                }
                boolean last = rows < batchSize;
                ready.add(new Chunk(chunk.features(), chunk.targets(), filled, rows == 0 ? batchSize : rows, last,
                        null));
                if (last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting for the consumer
        } catch (Throwable e) {
            ready.add(new Chunk(null, null, 0, 0, true, e));
        }
    }

    private Chunk newChunk(int batches) {
        double[][] features = new double[batches][];
        double[][] targets = new double[batches][];
        for (int b = 0; b < batches; b++) {
            features[b] = new double[batchSize * featureCount];
            targets[b] = new double[batchSize * targetCount];
        }
        return new Chunk(features, targets, 0, 0, false, null);
    }

    @Override
    public boolean hasNext() {
        if (current != null && taken < current.filled()) {
            return true;
        }
        while (pending == null) {
            if (ended) {
                return false;
            }
            Chunk next = take();
            ended = next.last();
            if (next.failure() != null) {
                throw unchecked(next.failure());
            }
            pending = next.filled() > 0 ? next : null;
        }
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (current == null || taken == current.filled()) {
            if (current != null) {
                free.add(current);
            }
            current = pending;
            pending = null;
            taken = 0;
        }
        int batch = taken++;
        int rows = batch == current.filled() - 1 ? current.rows() : batchSize;
        double[] features = current.features()[batch];
        double[] targets = current.targets()[batch];
        return rows == batchSize ? Batch.of(features, featureCount, targets, targetCount)
                : Batch.of(Arrays.copyOf(features, rows * featureCount), featureCount,
                        Arrays.copyOf(targets, rows * targetCount), targetCount);
    }

    private Chunk take() {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = true;
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for the read-ahead "
                    + "thread"));
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("the read-ahead thread failed", failure);
    }

    @Override
    public void close() {
        closed = true;
        ended = true;
        thread.interrupt();
        ready.clear();
        free.clear();
    }
}

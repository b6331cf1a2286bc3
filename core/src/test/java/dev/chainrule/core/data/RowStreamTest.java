package dev.chainrule.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batches read ahead on a thread into a pool of recycled arrays: the rows of the reader in its order (or the shuffle
 * buffer's), each batch intact until the next is taken, errors after the batches completed before them, and a stream
 * closed early releases its reader.
 */
class RowStreamTest {

    private static final int FEATURES = 3;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64, 100, 2048, 5000})
    void batchesHoldTheRowsInFileOrderAndTheLastOneTheRest(int batchSize) {
        int rows = 4321;
        List<Double> firsts = new ArrayList<>();
        int batches = 0;
        try (RowStream stream = stream(new Rows(rows, -1, null), batchSize, Optional.empty())) {
            while (stream.hasNext()) {
                Batch batch = stream.next();
                batches++;
                assertEquals(Math.min(batchSize, rows - firsts.size()), batch.rows());
                firsts.addAll(check(batch));
            }
        }
        assertEquals((rows + batchSize - 1) / batchSize, batches);
        for (int r = 0; r < rows; r++) {
            assertEquals(r, firsts.get(r));
        }
    }

    @Test
    void aShuffledPassGivesTheRowsInTheBuffersOrder() {
        int rows = 1000;
        int[] order = ShuffleBuffer.order(rows, 64, new SplittableRandom(5));
        List<Double> firsts = new ArrayList<>();
        try (RowStream stream = stream(new Rows(rows, -1, null), 10, Optional.of(new SplittableRandom(5)), 64)) {
            while (stream.hasNext()) {
                firsts.addAll(check(stream.next()));
            }
        }
        assertEquals(rows, firsts.size());
        for (int i = 0; i < rows; i++) {
            assertEquals(order[i], firsts.get(i));
        }
    }

    @Test
    void aBatchStaysIntactUntilTheNextIsTakenThoughTheThreadReadsOn() throws InterruptedException {
        try (RowStream stream = stream(new Rows(10_000, -1, null), 4, Optional.empty())) {
            Batch first = stream.next();
            assertTrue(stream.hasNext());
            Thread.sleep(50);
            assertEquals(List.of(0.0, 1.0, 2.0, 3.0), check(first));
            int taken = 1;
            while (stream.hasNext()) {
                Batch batch = stream.next();
                assertEquals(4.0 * taken, check(batch).get(0));
                taken++;
            }
            assertEquals(2500, taken);
        }
    }

    @Test
    void aReadingErrorComesAfterTheBatchesCompletedBeforeIt() {
        IllegalArgumentException bad = new IllegalArgumentException("rows.csv, line 26, column 1: 'x'");
        try (RowStream stream = stream(new Rows(100, 25, bad), 8, Optional.empty())) {
            for (int batch = 0; batch < 3; batch++) {
                assertEquals(8.0 * batch, check(stream.next()).get(0));
            }
            assertSame(bad, assertThrows(IllegalArgumentException.class, stream::hasNext));
            assertFalse(stream.hasNext());
        }
        IOException io = new IOException("disk gone");
        try (RowStream stream = stream(new Rows(100, 3, io), 8, Optional.empty())) {
            assertSame(io, assertThrows(UncheckedIOException.class, stream::hasNext).getCause());
        }
    }

    @Test
    void closingAStreamBeforeItsEndReleasesTheReader() throws InterruptedException {
        Rows reader = new Rows(1_000_000, -1, null);
        RowStream stream = stream(reader, 16, Optional.empty());
        stream.next();
        stream.close();
        assertTrue(reader.closed.await(5, TimeUnit.SECONDS), "the reader was closed");
        assertTrue(reader.read.get() < 1_000_000, "the thread stopped reading");
    }

    @Test
    void chunksHoldAboutTwoHundredRowsAndThePoolAboutAThousandAndAtLeastTwoChunks() {
        assertEquals(256, RowStream.chunkBatches(1));
        assertEquals(2, RowStream.chunkBatches(128));
        assertEquals(1, RowStream.chunkBatches(300));
        assertEquals(4, RowStream.pool(1));
        assertEquals(4, RowStream.pool(128));
        assertEquals(3, RowStream.pool(300));
        assertEquals(2, RowStream.pool(1024));
        assertEquals(2, RowStream.pool(100_000));
    }

    private static RowStream stream(RowReader reader, int batchSize, Optional<SplittableRandom> shuffling) {
        return stream(reader, batchSize, shuffling, 16);
    }

    private static RowStream stream(RowReader reader, int batchSize, Optional<SplittableRandom> shuffling,
            int capacity) {
        return new RowStream(reader, FEATURES, 1, new BatchSource.Pass(1, batchSize, shuffling), capacity, "test");
    }

    /** The first feature of each row of {@code batch}, after checking that each row is whole. */
    private static List<Double> check(Batch batch) {
        double[] features = features(batch);
        List<Double> firsts = new ArrayList<>();
        for (int r = 0; r < batch.rows(); r++) {
            double first = features[r * FEATURES];
            assertArrayEquals(new double[] {first, first + 0.25, first + 0.5},
                    Arrays.copyOfRange(features, r * FEATURES, (r + 1) * FEATURES), "row " + r);
            assertEquals(2 * first, batch.target(r, 0), "row " + r);
            firsts.add(first);
        }
        return firsts;
    }

    private static double[] features(Batch batch) {
        return BatchContents.features(batch);
    }

    /** Row {@code i}: features {@code i, i + 0.25, i + 0.5}, target {@code 2i}; fails at row {@code failAt}. */
    private static final class Rows implements RowReader {
        private final int rows;
        private final int failAt;
        private final Exception failure;
        private final AtomicInteger read = new AtomicInteger();
        private final CountDownLatch closed = new CountDownLatch(1);

        Rows(int rows, int failAt, Exception failure) {
            this.rows = rows;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public boolean read(double[] features, int featureOffset, double[] targets, int targetOffset)
                throws IOException {
            int row = read.get();
            if (row == failAt) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            if (row == rows) {
                return false;
            }
            features[featureOffset] = row;
            features[featureOffset + 1] = row + 0.25;
            features[featureOffset + 2] = row + 0.5;
            targets[targetOffset] = 2.0 * row;
            read.incrementAndGet();
            return true;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}

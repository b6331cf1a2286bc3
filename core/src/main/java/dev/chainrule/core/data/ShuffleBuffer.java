package dev.chainrule.core.data;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A bounded, seeded shuffle of a stream of rows that is never held whole: the first {@code capacity} rows fill the
 * buffer; then each row given out is drawn uniformly from the buffer ({@code j = random.nextInt(count)}) and its slot
 * refilled with the stream's next row; when the stream ends, the rest are drawn the same way, the last slot moving into
 * the emptied one. Rows therefore move at most about {@code capacity} places from where the file has them, so a file
 * sorted by class needs a buffer larger than a class's run (or shuffling beforehand). The same generator state gives
 * the same order; {@link #order} gives it for row indices, for an in-memory set to replay a stream's order.
 *
 * <p>Memory: {@code capacity} rows, held in the caller's {@link Slots}.
 */
public final class ShuffleBuffer {

    /** Where the buffered rows live: slot {@code 0 .. capacity-1}. */
    public interface Slots {

        /** Reads the stream's next row into {@code slot}; false (slot untouched) when the stream has ended. */
        boolean read(int slot) throws IOException;

        /** Gives out the row in {@code slot}. */
        void emit(int slot);

        /** Moves the row in slot {@code from} into slot {@code to}. */
        void move(int from, int to);
    }

    private final int capacity;
    private final SplittableRandom random;
    private final Slots slots;
    private int count;
    private boolean ended;

    /** A buffer of {@code capacity} rows drawing from {@code random}, which it keeps and advances. */
    public ShuffleBuffer(int capacity, SplittableRandom random, Slots slots) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a shuffle buffer holds at least 1 row, got " + capacity);
        }
        this.capacity = capacity;
        this.random = random;
        this.slots = slots;
    }

    /** Gives out the next row through {@link Slots#emit}; false when every row has been given out. */
    public boolean next() throws IOException {
        while (!ended && count < capacity) {
            if (slots.read(count)) {
                count++;
            } else {
                ended = true;
            }
        }
        if (count == 0) {
            return false;
        }
        int drawn = random.nextInt(count);
        slots.emit(drawn);
        if (ended || !slots.read(drawn)) {
            ended = true;
            count--;
            if (drawn != count) {
                slots.move(count, drawn);
            }
        }
        return true;
    }

    /** The order in which a buffer of {@code capacity} gives out the rows {@code 0 .. n-1} of a stream. */
    public static int[] order(int n, int capacity, SplittableRandom random) {
        int[] order = new int[n];
        int[] held = new int[Math.min(capacity, Math.max(n, 1))];
        int[] next = {0};
        int[] out = {0};
        ShuffleBuffer buffer = new ShuffleBuffer(held.length, random, new Slots() {
            @Override
            public boolean read(int slot) {
                if (next[0] == n) {
                    return false;
                }
                held[slot] = next[0]++;
                return true;
            }

            @Override
            public void emit(int slot) {
                order[out[0]++] = held[slot];
            }

            @Override
            public void move(int from, int to) {
                held[to] = held[from];
            }
        });
        try {
            while (buffer.next()) {
                // emit fills the order
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return order;
    }
}

package dev.chainrule.core.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits one line of a CSV file at its commas straight from the bytes it lies in, when it needs none of the standard's
 * quoting rules, and reads the cells that are small integers on the way; the rest of {@link CsvLines}'s plain reader.
 */
final class LineSplitter {

    /** What {@link #split} returns when the line runs past the bytes given. */
    static final int INCOMPLETE = -1;
    /** What {@link #split} returns for a line that Jackson must read: it holds a quote or a lone carriage return. */
    static final int HAND_OVER = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long GATHER_HIGH_BITS = 0x0002040810204081L;
    private static final long ZERO_DIGITS = 0x3030303030303030L;
    private static final long SIXES = 0x0606060606060606L;
    private static final long SEVENTIES = 0x7070707070707070L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long ALL_HIGH_BITS = 0x8080808080808080L;
    private static final int BLOCK = 64;

    private LineSplitter() {
    }

    /**
     * Splits the line that starts at {@code buffer[start]} into {@code row}'s cells (the row started there); returns
     * where the line ends (its line feed, or {@code limit} for a last line without one), {@link #INCOMPLETE} when it
     * runs past {@code limit} and more of the file follows, or {@link #HAND_OVER} when it holds a quote or a carriage
     * return other than one before its line feed (its cells then unspecified).
     *
     * @param limit     the end of the bytes read so far
     * @param endOfFile whether the file ends at {@code limit}
     * <p>The bytes are taken {@value #BLOCK} at a time, eight at a time within a block: one bit per byte marks the
     * block's commas, another its bytes that are neither a comma nor a digit. When there are none of the latter, the
     * block holds no line end either, and its cells end at its commas, visited bit by bit; a cell of one to eight
     * digits (no other byte since it began) is read as its number there and then ({@link DecimalText#digitsValue},
     * exactly the number that {@code Double.parseDouble} reads). Otherwise the block's line feeds, carriage returns
     * and quotes are marked as well, and the line ends at the first. No cell waits for the one before it, so a file
     * of small integers costs a few operations a cell. Within a block of the limit the bytes are searched eight at a
     * time for the next comma, line feed, carriage return or quote.
     */
    static int split(byte[] buffer, int start, int limit, boolean endOfFile, CsvRow row) {
        int cell = start;
        int lastOther = start - 1;
        for (int block = start, last = limit - BLOCK; block <= last; block += BLOCK) {
            long commas = 0;
            long othersSeen = 0;
            for (int word = 0; word < BLOCK; word += Long.BYTES) {
                long bytes = (long) LONGS.get(buffer, block + word);
                long comma = zeroBytes(bytes ^ COMMAS);
                commas |= byteBits(comma) << word;
                othersSeen |= nonDigits(bytes) & ~comma;
            }
            long others = othersSeen == 0 ? 0 : others(buffer, block);
            long stops = others == 0 ? 0 : stops(buffer, block);
            row.reserve(BLOCK);
            int[] ends = row.ends();
            double[] values = row.values();
            int size = row.size();
            if (others == 0) {
                for (long at = commas; at != 0; at &= at - 1) {
                    int end = block + Long.numberOfTrailingZeros(at);
                    ends[size] = end;
                    values[size] = lastOther < cell ? shortInteger(buffer, cell, end) : CsvRow.NOT_READ;
                    size++;
                    cell = end + 1;
                }
            } else {
                for (long at = commas & ((stops & -stops) - 1); at != 0; at &= at - 1) {
                    int offset = Long.numberOfTrailingZeros(at);
                    long othersBefore = others & ((1L << offset) - 1);
                    int other = othersBefore == 0 ? lastOther : block + 63 - Long.numberOfLeadingZeros(othersBefore);
                    int end = block + offset;
                    ends[size] = end;
                    values[size] = other < cell ? shortInteger(buffer, cell, end) : CsvRow.NOT_READ;
                    size++;
                    cell = end + 1;
                }
            }
            row.size(size);
            if (stops != 0) {
                return endLine(buffer, block + Long.numberOfTrailingZeros(stops), limit, endOfFile, row);
            }
            if (others != 0) {
                lastOther = block + 63 - Long.numberOfLeadingZeros(others);
            }
        }
        while (true) {
            int at = nextSpecial(buffer, cell, limit);
            if (at == limit) {
                if (!endOfFile) {
                    return INCOMPLETE;
                }
                row.add(at);
                return at;
            }
            if (buffer[at] != ',') {
                return endLine(buffer, at, limit, endOfFile, row);
            }
            row.add(at);
            cell = at + 1;
        }
    }

    /** Ends the line at the line feed, carriage return or quote {@code at}, which ends its last cell. */
    private static int endLine(byte[] buffer, int at, int limit, boolean endOfFile, CsvRow row) {
        byte special = buffer[at];
        if (special == '\n') {
            row.add(at);
            return at;
        }
        if (special == '\r' && at + 1 < limit && buffer[at + 1] == '\n') {
            row.add(at);
            return at + 1;
        }
        return special == '\r' && at + 1 == limit && !endOfFile ? INCOMPLETE : HAND_OVER;
    }

    /** The first comma, line feed, carriage return or quote at or after {@code from}; the limit when there is none. */
    private static int nextSpecial(byte[] buffer, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long specials = specialBytes((long) LONGS.get(buffer, i));
            if (specials != 0) {
                return i + (Long.numberOfTrailingZeros(specials) >>> 3);
            }
        }
        for (; i < limit; i++) {
            byte b = buffer[i];
            if (b == ',' || b == '\n' || b == '\r' || b == '"') {
                return i;
            }
        }
        return limit;
    }

    /**
     * A mask with the high bit of each byte of {@code word} set where that byte is a comma, line feed, carriage return
     * or quote (exactly: the zero-byte test without the borrow that makes the shorter one overreport).
     */
    private static long specialBytes(long word) {
        return zeroBytes(word ^ COMMAS) | zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS)
                | zeroBytes(word ^ QUOTES);
    }

    /** One bit per byte of the block at {@code block}: its bytes that are neither a digit nor a comma. */
    private static long others(byte[] buffer, int block) {
        long others = 0;
        for (int word = 0; word < BLOCK; word += Long.BYTES) {
            long bytes = (long) LONGS.get(buffer, block + word);
            others |= byteBits(nonDigits(bytes) & ~zeroBytes(bytes ^ COMMAS)) << word;
        }
        return others;
    }

    /** One bit per byte of the block at {@code block}: its line feeds, carriage returns and quotes. */
    private static long stops(byte[] buffer, int block) {
        long stops = 0;
        for (int word = 0; word < BLOCK; word += Long.BYTES) {
            long bytes = (long) LONGS.get(buffer, block + word);
            stops |= byteBits(zeroBytes(bytes ^ LINE_FEEDS) | zeroBytes(bytes ^ CARRIAGE_RETURNS)
                    | zeroBytes(bytes ^ QUOTES)) << word;
        }
        return stops;
    }

    /** The number that the digits {@code buffer[from .. to)} spell, when they are 1 to 8; else not read. */
    private static double shortInteger(byte[] buffer, int from, int to) {
        int length = to - from;
        return length > 0 && length <= Long.BYTES && from + Long.BYTES <= buffer.length
                ? DecimalText.digitsValue((long) LONGS.get(buffer, from) ^ ZERO_DIGITS, length) : CsvRow.NOT_READ;
    }

    /**
     * The high bit of each byte of {@code word} set where that byte is no ASCII digit: where its high nibble after
     * subtracting '0' is not 0, before or after adding 6 (a carry out of a byte that is no digit may mark the next byte
     * as well, never unmark it, so digits may be taken for other bytes but never the reverse).
     */
    private static long nonDigits(long word) {
        long digits = word ^ ZERO_DIGITS;
        long nibbles = (digits | (digits + SIXES)) & HIGH_NIBBLES;
        return ((nibbles + SEVENTIES) | nibbles) & ALL_HIGH_BITS;
    }

    /** The high bits of the bytes of {@code highBits} (nothing else set) as the low eight bits, byte 0's lowest. */
    private static long byteBits(long highBits) {
        return highBits * GATHER_HIGH_BITS >>> 56;
    }

    private static long zeroBytes(long word) {
        return ~(((word & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | word | LOW_SEVEN_BITS);
    }
}

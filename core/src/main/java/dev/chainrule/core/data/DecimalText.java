package dev.chainrule.core.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Plain decimal numbers ({@code 255}, {@code -0.125}, {@code .5}) read straight from a line's UTF-8 bytes, without
 * making a {@code String}, to exactly the {@code double} that {@link Double#parseDouble} gives. It takes Clinger's fast path:
 * when the digits, read as an integer {@code m}, stay below 2^53 and at most 22 of them follow the point, both
 * {@code m} and {@code 10^scale} are exact doubles, so the one correctly rounded division {@code m / 10^scale} is the
 * correctly rounded value of the text. Anything else (exponents, more digits, {@code NaN}, hexadecimal, a type
 * suffix, text that is no number at all) is left to {@code Double.parseDouble}.
 */
final class DecimalText {

    private static final long EXACT_LIMIT = 1L << 53;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalText() {
    }

    /**
     * The number that the UTF-8 bytes {@code text[from .. to)} spell, surrounding spaces and control characters ignored
     * as {@code String.trim} ignores them.
     *
     * @throws NumberFormatException when the text is no number, as from {@code Double.parseDouble}
     */
    static double parse(byte[] text, int from, int to) {
        double value = fastPath(text, from, to);
        return Double.isNaN(value) ? Double.parseDouble(new String(text, from, to - from, StandardCharsets.UTF_8))
                : value;
    }

    /** The value when the text is a plain decimal that the fast path reads exactly, else {@code NaN}. */
    static double fastPath(byte[] text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isSpace(text[start])) {
            start++;
        }
        while (end > start && isSpace(text[end - 1])) {
            end--;
        }
        boolean negative = false;
        if (start < end && (text[start] == '-' || text[start] == '+')) {
            negative = text[start] == '-';
            start++;
        }
        int length = end - start;
        if (length > 0 && length <= Long.BYTES && start + Long.BYTES <= text.length) {
            long value = eightDigits((long) LONGS.get(text, start), length);
            if (value >= 0) {
                return negative ? -(double) value : value;
            }
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (int i = start; i < end; i++) {
            byte c = text[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa >= EXACT_LIMIT) {
                    return Double.NaN;
                }
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || scale >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double magnitude = scale <= 0 ? mantissa : mantissa / POWERS_OF_TEN[scale];
        return negative ? -magnitude : magnitude;
    }

    /**
     * The number that the UTF-8 bytes {@code text[from .. to)} spell when they are one to eight ASCII digits and
     * nothing else (no sign, point or space), read eight bytes at a time; else -1, also when fewer than eight bytes
     * follow {@code from} in the array. Such a number is below 10^8, so the {@code double} is exact, as
     * {@code Double.parseDouble} gives it.
     */
    static double unsignedInteger(byte[] text, int from, int to) {
        int length = to - from;
        return length > 0 && length <= Long.BYTES && from + Long.BYTES <= text.length
                ? eightDigits((long) LONGS.get(text, from), length) : -1;
    }

    /**
     * The integer that the first {@code length} bytes (1 to 8, first in the lowest byte) of {@code word} spell when
     * they all are ASCII digits, else -1: the digits checked and combined eight at a time, in pairs, fours and then
     * the eight.
     */
    private static long eightDigits(long word, int length) {
        long mask = length == Long.BYTES ? -1L : (1L << (Byte.SIZE * length)) - 1;
        long highNibbles = word & 0xF0F0F0F0F0F0F0F0L & mask;
        long lowNibbleOverflows = (word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L & mask;
        long threes = 0x3030303030303030L & mask;
        if (highNibbles != threes || lowNibbleOverflows != threes) {
            return -1;
        }
        return digitsValue(word - threes, length);
    }

    /**
     * The integer that {@code length} (1 to 8) decimal digits spell, given as their values (0 to 9) in the low
     * {@code length} bytes of {@code digits}, the first digit lowest; the higher bytes are ignored. The digits are
     * shifted to the top, below them zeros that count as leading zeros, and combined in pairs, fours and the eight.
     */
    static long digitsValue(long digits, int length) {
        if (length <= 4) {
            long four = digits << (Byte.SIZE * (Long.BYTES - length)) >>> 32;
            four = (four * 10 + (four >>> 8)) & 0x00FF00FFL;
            return (four * 100 + (four >>> 16)) & 0xFFFFL;
        }
        long value = digits << (Byte.SIZE * (Long.BYTES - length));
        value = (value * 10 + (value >>> 8)) & 0x00FF00FF00FF00FFL;
        value = (value * 100 + (value >>> 16)) & 0x0000FFFF0000FFFFL;
        return (value * 10000 + (value >>> 32)) & 0xFFFFFFFFL;
    }

    /** What {@code String.trim} removes: code points up to the space; never part of a multi-byte UTF-8 sequence. */
    private static boolean isSpace(byte b) {
        return b >= 0 && b <= ' ';
    }
}

package dev.chainrule.core.tensor;

import java.util.Locale;

/** Byte counts as people read them, for messages: {@code 512 bytes}, {@code 6.4 GB} (powers of 1000). */
public final class MemorySize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB", "EB"};

    private MemorySize() {
    }

    /** {@code bytes} in the largest unit that keeps the number at 1 or more, with one decimal. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** The bytes of {@code values} numbers of {@code dtype}, saturating at {@link Long#MAX_VALUE}. */
    public static long bytes(long values, DType dtype) {
        int size = dtype == DType.FLOAT64 ? Double.BYTES : Float.BYTES;
        return values > Long.MAX_VALUE / size ? Long.MAX_VALUE : values * size;
    }
}

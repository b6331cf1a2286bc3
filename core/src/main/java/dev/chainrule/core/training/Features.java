package dev.chainrule.core.training;

/**
 * How a {@link Dataset} keeps its features (in memory; {@link BatchFeatures} is where a batch's features are read
 * from during training): as doubles, or compactly as unsigned bytes (images), each read as one of 256 levels,
 * {@code levels[byte & 0xff]}. Row-major, {@code width} features a row.
 */
sealed interface Features {

    /** The number of values a byte takes. */
    int LEVELS = 256;

    /** Number of features in all rows. */
    int length();

    /** Feature {@code i} in row-major order. */
    double at(int i);

    /** Copies {@code into.length / width} rows from {@code firstRow} into {@code into} (modified). */
    void copyRows(int firstRow, int width, double[] into);

    /**
     * Copies {@code into.length / width} rows, those listed in {@code order} from {@code offset} on, into {@code into}
     * (modified), row-major.
     */
    void gatherRows(int[] order, int offset, int width, double[] into);

    /** The rows at {@code indices}, in that order, in the same representation. */
    Features rows(int[] indices, int width);

    /** Every feature as a double, row-major; may be the kept array itself. */
    double[] asDoubles();

    /**
     * Each feature {@code x} of column {@code c} as {@code (x - offset[c]) / scale[c]}, in the same representation
     * where it can be kept there.
     */
    Features standardised(double[] offset, double[] scale);

    /** Features kept as doubles. */
    record Doubles(double[] values) implements Features {

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public double at(int i) {
            return values[i];
        }

        @Override
        public void copyRows(int firstRow, int width, double[] into) {
            System.arraycopy(values, firstRow * width, into, 0, into.length);
        }

        @Override
        public void gatherRows(int[] order, int offset, int width, double[] into) {
            for (int row = 0, at = 0; at < into.length; row++, at += width) {
                System.arraycopy(values, order[offset + row] * width, into, at, width);
            }
        }

        @Override
        public Features rows(int[] indices, int width) {
            double[] picked = new double[indices.length * width];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values, indices[i] * width, picked, i * width, width);
            }
            return new Doubles(picked);
        }

        @Override
        public double[] asDoubles() {
            return values;
        }

        @Override
        public Features standardised(double[] offset, double[] scale) {
            int width = offset.length;
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (values[i] - offset[i % width]) / scale[i % width];
            }
            return new Doubles(out);
        }
    }

    /**
     * Features kept as unsigned bytes, each standing for {@code levels[byte & 0xff]}.
     *
     * @param values the bytes, row-major
     * @param levels the 256 values a byte stands for
     */
    record UnsignedBytes(byte[] values, double[] levels) implements Features {

        /** The levels {@code 0, scale, 2 * scale, ..., 255 * scale}. */
        static double[] scaled(double scale) {
            double[] levels = new double[LEVELS];
            for (int level = 0; level < LEVELS; level++) {
                levels[level] = level * scale;
            }
            return levels;
        }

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public double at(int i) {
            return levels[values[i] & 0xff];
        }

        @Override
        public void copyRows(int firstRow, int width, double[] into) {
            int from = firstRow * width;
            for (int i = 0; i < into.length; i++) {
                into[i] = levels[values[from + i] & 0xff];
            }
        }

        @Override
        public void gatherRows(int[] order, int offset, int width, double[] into) {
            for (int row = 0, at = 0; at < into.length; row++, at += width) {
                int from = order[offset + row] * width;
                for (int i = 0; i < width; i++) {
                    into[at + i] = levels[values[from + i] & 0xff];
                }
            }
        }

        @Override
        public Features rows(int[] indices, int width) {
            byte[] picked = new byte[indices.length * width];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values, indices[i] * width, picked, i * width, width);
            }
            return new UnsignedBytes(picked, levels);
        }

        @Override
        public double[] asDoubles() {
            double[] doubles = new double[values.length];
            copyRows(0, 1, doubles);
            return doubles;
        }

        /**
         * The same bytes, read as the very numbers that standardising each feature gives: over standardised levels
         * when every column has the same offset and scale, otherwise through each column's own offset and scale
         * ({@link StandardisedBytes}).
         */
        @Override
        public Features standardised(double[] offset, double[] scale) {
            if (!uniform(offset) || !uniform(scale)) {
                return new StandardisedBytes(this, offset.clone(), scale.clone());
            }
            double[] mapped = new double[LEVELS];
            for (int level = 0; level < LEVELS; level++) {
                mapped[level] = (levels[level] - offset[0]) / scale[0];
            }
            return new UnsignedBytes(values, mapped);
        }

        private static boolean uniform(double[] values) {
            for (double value : values) {
                if (Double.compare(value, values[0]) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Unsigned bytes standardised column by column: feature {@code i} of a row is
     * {@code (bytes.at(i) - offset[c]) / scale[c]} for its column {@code c}, computed when read, so that per-pixel
     * standardised images keep a byte a pixel.
     *
     * @param bytes  the raw features
     * @param offset per column
     * @param scale  per column
     */
    record StandardisedBytes(UnsignedBytes bytes, double[] offset, double[] scale) implements Features {

        @Override
        public int length() {
            return bytes.length();
        }

        @Override
        public double at(int i) {
            int column = i % offset.length;
            return (bytes.at(i) - offset[column]) / scale[column];
        }

        @Override
        public void copyRows(int firstRow, int width, double[] into) {
            bytes.copyRows(firstRow, width, into);
            standardise(into);
        }

        @Override
        public void gatherRows(int[] order, int offset, int width, double[] into) {
            bytes.gatherRows(order, offset, width, into);
            standardise(into);
        }

        /** Standardises whole rows in place. */
        private void standardise(double[] rows) {
            int width = offset.length;
            for (int at = 0; at < rows.length; at += width) {
                for (int c = 0; c < width; c++) {
                    rows[at + c] = (rows[at + c] - offset[c]) / scale[c];
                }
            }
        }

        @Override
        public Features rows(int[] indices, int width) {
            return new StandardisedBytes((UnsignedBytes) bytes.rows(indices, width), offset, scale);
        }

        @Override
        public double[] asDoubles() {
            double[] doubles = new double[length()];
            copyRows(0, offset.length, doubles);
            return doubles;
        }

        /** Standardised once more: as doubles (a second standardisation is rare and not worth a byte form). */
        @Override
        public Features standardised(double[] offset, double[] scale) {
            return new Doubles(asDoubles()).standardised(offset, scale);
        }

        /** Whether every byte of every column stands for a finite number. */
        boolean finite() {
            for (int c = 0; c < offset.length; c++) {
                for (int level = 0; level < LEVELS; level++) {
                    if (!Double.isFinite((bytes.levels()[level] - offset[c]) / scale[c])) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}

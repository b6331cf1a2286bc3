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
         * With the same offset and scale in every column, the same bytes over standardised levels (the very numbers
         * that standardising each feature gives); otherwise doubles.
         */
        @Override
        public Features standardised(double[] offset, double[] scale) {
            if (!uniform(offset) || !uniform(scale)) {
                return new Doubles(asDoubles()).standardised(offset, scale);
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
}

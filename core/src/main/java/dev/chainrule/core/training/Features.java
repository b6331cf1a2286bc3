package dev.chainrule.core.training;

/**
 * How a {@link Dataset} keeps its features (in memory; {@link BatchFeatures} is where a batch's features are read
 * from during training): as doubles, or compactly as unsigned bytes with a scale (images), each
 * read as {@code (byte & 0xff) * scale}. Row-major, {@code width} features a row.
 */
sealed interface Features {

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
    }

    /** Features kept as unsigned bytes, each standing for {@code (byte & 0xff) * scale}. */
    record UnsignedBytes(byte[] values, double scale) implements Features {

        @Override
        public int length() {
            return values.length;
        }

        @Override
        public double at(int i) {
            return (values[i] & 0xff) * scale;
        }

        @Override
        public void copyRows(int firstRow, int width, double[] into) {
            int from = firstRow * width;
            for (int i = 0; i < into.length; i++) {
                into[i] = (values[from + i] & 0xff) * scale;
            }
        }

        @Override
        public void gatherRows(int[] order, int offset, int width, double[] into) {
            for (int row = 0, at = 0; at < into.length; row++, at += width) {
                int from = order[offset + row] * width;
                for (int i = 0; i < width; i++) {
                    into[at + i] = (values[from + i] & 0xff) * scale;
                }
            }
        }

        @Override
        public Features rows(int[] indices, int width) {
            byte[] picked = new byte[indices.length * width];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(values, indices[i] * width, picked, i * width, width);
            }
            return new UnsignedBytes(picked, scale);
        }

        @Override
        public double[] asDoubles() {
            double[] doubles = new double[values.length];
            copyRows(0, 1, doubles);
            return doubles;
        }
    }
}

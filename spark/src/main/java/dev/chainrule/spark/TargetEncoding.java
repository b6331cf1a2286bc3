package dev.chainrule.spark;

import java.io.Serializable;

/**
 * How a label column becomes a row's targets: {@link #oneHot(int)} for a classification whose labels are class
 * indices 0 to classes - 1 (Spark ML's convention, as {@code StringIndexer} makes them), {@link #values()} for
 * regression, where the label is a number, a vector or an array of numbers, taken as it is.
 */
public sealed interface TargetEncoding extends Serializable {

    /** Targets per row. */
    int width(int labelValues);

    /** The targets of one row, from its label's values; {@code row} names the row in messages. */
    double[] encode(double[] label, long row, String column);

    /** Class indices 0 to {@code classes - 1} as one-hot rows. */
    static TargetEncoding oneHot(int classes) {
        return new OneHot(classes);
    }

    /** The label's own values. */
    static TargetEncoding values() {
        return new Values();
    }

    /** One-hot rows of {@code classes} classes. */
    record OneHot(int classes) implements TargetEncoding {

        private static final long serialVersionUID = 1L;

        public OneHot {
            if (classes < 2) {
                throw new IllegalArgumentException("a classification needs at least 2 classes, got " + classes);
            }
        }

        @Override
        public int width(int labelValues) {
            return classes;
        }

        @Override
        public double[] encode(double[] label, long row, String column) {
            if (label.length != 1) {
                throw new IllegalArgumentException("row " + row + ": the label column '" + column + "' holds "
                        + label.length + " values; a class label is one number (a class index 0 to " + (classes - 1)
                        + ")");
            }
            double value = label[0];
            if (value != Math.rint(value) || value < 0 || value >= classes) {
                throw new IllegalArgumentException("row " + row + ": the label " + value + " in column '" + column
                        + "' is not a class index 0 to " + (classes - 1));
            }
            double[] targets = new double[classes];
            targets[(int) value] = 1;
            return targets;
        }
    }

    /** The label's own values, one target per value. */
    record Values() implements TargetEncoding {

        private static final long serialVersionUID = 1L;

        @Override
        public int width(int labelValues) {
            return labelValues;
        }

        @Override
        public double[] encode(double[] label, long row, String column) {
            return label;
        }
    }
}

package dev.chainrule.core.training;

import java.util.Arrays;

/**
 * The loss and the parameter gradients of some rows, summed over the rows, not yet applied: what
 * {@link TrainingSession#computeGradients} gives for a batch (or part of one) and {@link TrainingSession#applyGradients}
 * applies. Sums of parts add up ({@link #plus}), so the parts of one global batch can be computed apart (on several
 * machines) and combined before one update for all of its rows.
 *
 * <p>Exactness: a sum computed from one batch keeps that batch's mean gradient and loss as computed, with its row
 * count as their weight, so that applying it is bit for bit the same update as {@link TrainingSession#step}. A sum of
 * several parts holds {@code sum of (mean_i * rows_i)}, and applying it divides by the total rows: the same update up
 * to rounding and summation order.
 *
 * <p>Flattened ({@link #toArray()}, {@link #fromArray}): {@code [rows, weight, loss, g_1 ... g_P]}, where the
 * represented sums are {@code loss * weight} and {@code g_i * weight}, and the {@code g_i} run over every parameter in
 * the order of {@link dev.chainrule.core.network.Network#parameters()}, each row-major. A round trip is exact.
 * Immutable.
 */
public final class GradientSum {

    private static final int HEADER = 3;

    private final long rows;
    private final double weight;
    private final double loss;
    private final double[] values;

    private GradientSum(long rows, double weight, double loss, double[] values) {
        if (rows < 1) {
            throw new IllegalArgumentException("a gradient sum covers at least one row, got " + rows);
        }
        this.rows = rows;
        this.weight = weight;
        this.loss = loss;
        this.values = values;
    }

    /** The sum of one batch of {@code rows} rows whose mean loss is {@code meanLoss} and mean gradient {@code mean}. */
    static GradientSum ofMean(int rows, double meanLoss, double[] mean) {
        return new GradientSum(rows, rows, meanLoss, mean);
    }

    /**
     * A sum of {@code rows} rows from plain sums: the summed loss and the summed gradients (parameter order, row-major).
     * Keeps {@code gradientSums} (not copied).
     */
    public static GradientSum ofSums(long rows, double lossSum, double[] gradientSums) {
        return new GradientSum(rows, 1, lossSum, gradientSums);
    }

    /** Reads a flattened sum ({@link #toArray()}); the array is copied. */
    public static GradientSum fromArray(double[] flat) {
        if (flat.length < HEADER + 1) {
            throw new IllegalArgumentException("a flattened gradient sum has at least " + (HEADER + 1) + " values, got "
                    + flat.length);
        }
        long rows = (long) flat[0];
        if (rows != flat[0] || rows < 1) {
            throw new IllegalArgumentException("a flattened gradient sum starts with its row count, got " + flat[0]);
        }
        return new GradientSum(rows, flat[1], flat[2], Arrays.copyOfRange(flat, HEADER, flat.length));
    }

    /** {@code [rows, weight, loss, g...]}, exactly reversible by {@link #fromArray}. */
    public double[] toArray() {
        double[] flat = new double[HEADER + values.length];
        flat[0] = rows;
        flat[1] = weight;
        flat[2] = loss;
        System.arraycopy(values, 0, flat, HEADER, values.length);
        return flat;
    }

    /** This sum and {@code other} together: rows, losses and gradients added. */
    public GradientSum plus(GradientSum other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("gradient sums of different networks: " + values.length + " and "
                    + other.values.length + " numbers");
        }
        double[] sum = new double[values.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = values[i] * weight + other.values[i] * other.weight;
        }
        return new GradientSum(Math.addExact(rows, other.rows), 1, loss * weight + other.loss * other.weight, sum);
    }

    /** The number of rows summed. */
    public long rows() {
        return rows;
    }

    /** The summed loss of the rows (the data loss, without penalties). */
    public double lossSum() {
        return loss * weight;
    }

    /** The mean loss of the rows: exactly the batch's loss for a sum of one batch. */
    public double meanLoss() {
        return weight == rows ? loss : loss * weight / rows;
    }

    /** The number of gradient values: every parameter's size, summed. */
    public int size() {
        return values.length;
    }

    /** The mean gradient (parameter order, row-major), into {@code out} (modified); exact for a sum of one batch. */
    double[] meanGradient(double[] out) {
        if (weight == rows) {
            System.arraycopy(values, 0, out, 0, values.length);
        } else {
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] * weight / rows;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "gradient sum of " + rows + " rows, " + values.length + " values, mean loss " + meanLoss();
    }
}

package dev.chainrule.core.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Examples held as Java numbers: {@code size} rows of {@code featureCount} features and {@code targetCount}
 * targets, in row-major order. Construction checks that every value is finite and names the first row that is not,
 * so bad data fails before training rather than as a NaN loss.
 */
public final class Dataset {

    private final double[] features;
    private final double[] targets;
    private final int featureCount;
    private final int targetCount;

    /**
     * A data set over the given arrays, which it keeps (not copied).
     *
     * @param features     {@code size x featureCount}, row-major
     * @param featureCount features per row
     * @param targets      {@code size x targetCount}, row-major
     * @param targetCount  targets per row
     */
    public Dataset(double[] features, int featureCount, double[] targets, int targetCount) {
        if (featureCount < 1 || targetCount < 1) {
            throw new IllegalArgumentException("a data set needs at least one feature and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        if (features.length % featureCount != 0 || targets.length % targetCount != 0
                || features.length / featureCount != targets.length / targetCount) {
            throw new IllegalArgumentException("features (" + features.length + " values, " + featureCount
                    + " per row) and targets (" + targets.length + " values, " + targetCount
                    + " per row) do not have the same number of rows");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one row");
        }
        requireFinite("feature", features, featureCount);
        requireFinite("target", targets, targetCount);
        this.features = features;
        this.targets = targets;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
    }

    /** A data set from rows of features and rows of targets (copied). */
    public static Dataset of(double[][] features, double[][] targets) {
        if (features.length != targets.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + targets.length + " target rows");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one row");
        }
        return new Dataset(flatten("feature", features), features[0].length, flatten("target", targets),
                targets[0].length);
    }

    /** One-hot rows for class labels {@code 0 .. classes-1}; a label out of range names its row. */
    public static double[][] oneHot(int[] labels, int classes) {
        double[][] rows = new double[labels.length][classes];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("row " + r + ": class label " + labels[r] + " is outside 0.."
                        + (classes - 1));
            }
            rows[r][labels[r]] = 1;
        }
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return features.length / featureCount;
    }

    /** Features per row. */
    public int featureCount() {
        return featureCount;
    }

    /** Targets per row. */
    public int targetCount() {
        return targetCount;
    }

    /** The features, row-major; do not modify. */
    public double[] features() {
        return features;
    }

    /** The targets, row-major; do not modify. */
    public double[] targets() {
        return targets;
    }

    /** Row {@code row}'s targets (a copy). */
    public double[] targetRow(int row) {
        return Arrays.copyOfRange(targets, row * targetCount, (row + 1) * targetCount);
    }

    /** Row {@code row}'s features (a copy). */
    public double[] featureRow(int row) {
        return Arrays.copyOfRange(features, row * featureCount, (row + 1) * featureCount);
    }

    /** The rows at {@code indices}, in that order, as a new data set. */
    public Dataset rows(int[] indices) {
        double[] x = new double[indices.length * featureCount];
        double[] y = new double[indices.length * targetCount];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(targets, indices[i] * targetCount, y, i * targetCount, targetCount);
        }
        return new Dataset(x, featureCount, y, targetCount);
    }

    /**
     * Splits the rows at random (seeded) into a first part holding {@code firstFraction} of them and a second part
     * holding the rest.
     */
    public Split split(double firstFraction, long seed) {
        if (!(firstFraction > 0 && firstFraction < 1)) {
            throw new IllegalArgumentException("the split fraction must lie strictly between 0 and 1, got " + firstFraction);
        }
        int[] order = permutation(size(), new SplittableRandom(seed));
        int cut = (int) Math.round(size() * firstFraction);
        if (cut == 0 || cut == size()) {
            throw new IllegalArgumentException("splitting " + size() + " rows at " + firstFraction + " leaves a part empty");
        }
        return new Split(rows(Arrays.copyOfRange(order, 0, cut)), rows(Arrays.copyOfRange(order, cut, size())));
    }

    /**
     * Two disjoint parts of a data set.
     *
     * @param first  the part with the requested fraction of rows
     * @param second the rest
     */
    public record Split(Dataset first, Dataset second) {
    }

    /** A random permutation of {@code 0 .. n-1} (Fisher-Yates) drawn from {@code random}. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static double[] flatten(String what, double[][] rows) {
        int width = rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException(what + " row " + r + " has " + rows[r].length + " values but row 0 has "
                        + width);
            }
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }

    private static void requireFinite(String what, double[] values, int width) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " row " + (i / width) + ", column " + (i % width) + " is "
                        + values[i] + "; every value must be a finite number");
            }
        }
    }
}

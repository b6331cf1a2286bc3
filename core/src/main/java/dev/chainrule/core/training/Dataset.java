package dev.chainrule.core.training;

import dev.chainrule.core.data.ArraySource;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Examples held as Java numbers: {@code size} rows of {@code featureCount} features and {@code targetCount}
 * targets, in row-major order. Construction checks that every value is finite and names the first row that is not,
 * so bad data fails before training rather than as a NaN loss.
 *
 * <p>Features are kept as doubles, or, for images, compactly as unsigned bytes with a scale
 * ({@link #ofUnsignedBytes}): an eighth of the memory, which matters for a large set, since training uploads the
 * features to a native backend once ({@link #copyFeatureRows} feeds the upload in slices), and a backend whose tensors
 * live on the Java heap reads every batch from the set itself. The set keeps the arrays it is given, not copies: do not
 * change them while it is in use.
 */
public final class Dataset {

    private final Features features;
    private double[] featureDoubles;
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
        this.features = checked(new Features.Doubles(features), featureCount, targets, targetCount);
        requireFinite("feature", features, featureCount);
        this.featureDoubles = features;
        this.targets = targets;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
    }

    private Dataset(Features features, int featureCount, double[] targets, int targetCount) {
        if (featureCount < 1 || targetCount < 1) {
            throw new IllegalArgumentException("a data set needs at least one feature and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        this.features = checked(features, featureCount, targets, targetCount);
        this.targets = targets;
        this.featureCount = featureCount;
        this.targetCount = targetCount;
    }

    /**
     * A data set whose features are unsigned bytes, each standing for {@code (value & 0xff) * scale}: images of
     * 0..255 pixels with {@code scale = 1 / 255.0} are features in [0, 1]. Keeps {@code values} (not copied).
     *
     * @param values       {@code size x featureCount} bytes, row-major
     * @param featureCount features per row
     * @param scale        the factor of every feature, finite and {@code >= 0}
     * @param targets      {@code size x targetCount}, row-major
     * @param targetCount  targets per row
     */
    public static Dataset ofUnsignedBytes(byte[] values, int featureCount, double scale, double[] targets,
            int targetCount) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the scale of byte features must be finite and >= 0, got " + scale);
        }
        return new Dataset(new Features.UnsignedBytes(values, Features.UnsignedBytes.scaled(scale)), featureCount,
                targets, targetCount);
    }

    private static Features checked(Features features, int featureCount, double[] targets, int targetCount) {
        if (features.length() % featureCount != 0 || targets.length % targetCount != 0
                || features.length() / featureCount != targets.length / targetCount) {
            throw new IllegalArgumentException("features (" + features.length() + " values, " + featureCount
                    + " per row) and targets (" + targets.length + " values, " + targetCount
                    + " per row) do not have the same number of rows");
        }
        if (features.length() == 0) {
            throw new IllegalArgumentException("a data set needs at least one row");
        }
        requireFinite("target", targets, targetCount);
        return features;
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
        return features.length() / featureCount;
    }

    /** Features per row. */
    public int featureCount() {
        return featureCount;
    }

    /** Targets per row. */
    public int targetCount() {
        return targetCount;
    }

    /**
     * The features, row-major, as doubles; do not modify. For a set made from bytes, the first call builds the doubles
     * (eight times the bytes) and keeps them; code that only streams the features uses {@link #copyFeatureRows}.
     */
    public double[] features() {
        double[] doubles = featureDoubles;
        if (doubles == null) {
            doubles = features.asDoubles();
            featureDoubles = doubles;
        }
        return doubles;
    }

    /** Whether {@link #features()} is at hand without building it. */
    boolean hasFeatureDoubles() {
        return featureDoubles != null;
    }

    /**
     * Copies {@code into.length / featureCount} rows of features, from row {@code firstRow} on, into {@code into}
     * (modified), row-major, without building {@link #features()}.
     */
    public void copyFeatureRows(int firstRow, double[] into) {
        int rows = into.length / featureCount;
        if (into.length % featureCount != 0 || firstRow < 0 || firstRow + rows > size()) {
            throw new IllegalArgumentException(into.length + " values from row " + firstRow + " are not whole rows of "
                    + featureCount + " features within the " + size() + " rows");
        }
        features.copyRows(firstRow, featureCount, into);
    }

    /**
     * Copies the features of {@code into.length / featureCount} rows, those listed in {@code order} from {@code offset}
     * on, into {@code into} (modified), row-major, without building {@link #features()}.
     */
    void gatherFeatureRows(int[] order, int offset, double[] into) {
        int rows = into.length / featureCount;
        if (into.length % featureCount != 0 || offset < 0 || offset + rows > order.length) {
            throw new IllegalArgumentException(into.length + " values are not whole rows of " + featureCount
                    + " features listed in an order of " + order.length + " rows from " + offset);
        }
        features.gatherRows(order, offset, featureCount, into);
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
        double[] values = new double[featureCount];
        copyFeatureRows(row, values);
        return values;
    }

    /** The rows at {@code indices}, in that order, as a new data set. */
    public Dataset rows(int[] indices) {
        double[] y = new double[indices.length * targetCount];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(targets, indices[i] * targetCount, y, i * targetCount, targetCount);
        }
        return new Dataset(features.rows(indices, featureCount), featureCount, y, targetCount);
    }

    /**
     * This set's rows with each feature {@code x} of column {@code c} replaced by {@code (x - offset[c]) / scale[c]},
     * and the same targets. A set of bytes whose offset and scale are the same in every column (images divided by
     * their largest pixel value) stays a set of the same bytes, sharing them, whose 256 levels are mapped once: the
     * same numbers as mapping every feature, at no memory cost. A set of bytes standardised column by column (images
     * standardised pixel by pixel) keeps the same bytes too and maps each feature when it is read: the same numbers
     * again, for a division per feature read. A set of doubles gives doubles.
     *
     * @param offset per column, {@link #featureCount()} of them
     * @param scale  per column, {@link #featureCount()} of them
     * @throws IllegalArgumentException when the arrays do not have one value per column, or a result is not finite
     */
    public Dataset standardised(double[] offset, double[] scale) {
        if (offset.length != featureCount || scale.length != featureCount) {
            throw new IllegalArgumentException("standardising needs one offset and one scale per feature column ("
                    + featureCount + "), got " + offset.length + " and " + scale.length);
        }
        Features mapped = features.standardised(offset, scale);
        Dataset result = new Dataset(mapped, featureCount, targets, targetCount);
        if (mapped instanceof Features.Doubles doubles) {
            requireFinite("feature", doubles.values(), featureCount);
        } else if (mapped instanceof Features.UnsignedBytes bytes) {
            for (int level = 0; level < Features.LEVELS; level++) {
                if (!Double.isFinite(bytes.levels()[level])) {
                    throw new IllegalArgumentException("the byte value " + level + " becomes " + bytes.levels()[level]
                            + " when standardised; every value must be a finite number");
                }
            }
        } else if (mapped instanceof Features.StandardisedBytes bytes && !bytes.finite()) {
            throw new IllegalArgumentException("a byte value becomes a number that is not finite when standardised "
                    + "column by column; every offset must be finite and every scale finite and not 0");
        }
        return result;
    }

    /** This set's features (shared, not copied) with other targets, {@code targetCount} per row, row-major. */
    public Dataset withTargets(double[] targets, int targetCount) {
        return new Dataset(features, featureCount, targets, targetCount);
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
        return ArraySource.permutation(n, random);
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

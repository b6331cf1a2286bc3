package dev.chainrule.core.data;

/**
 * Rows held in memory, features as doubles, floats or unsigned bytes with a scale, targets as doubles; row-major. Rows
 * are widened to doubles only when gathered into a batch's buffer.
 */
abstract class RowTable {

    private final int featureCount;
    private final double[] targets;
    private final int targetCount;
    private final int rows;

    RowTable(int featureLength, int featureCount, double[] targets, int targetCount) {
        if (featureCount < 1 || targetCount < 1) {
            throw new IllegalArgumentException("rows need at least one feature and one target column, got "
                    + featureCount + " and " + targetCount);
        }
        if (featureLength % featureCount != 0 || targets.length % targetCount != 0
                || featureLength / featureCount != targets.length / targetCount || featureLength == 0) {
            throw new IllegalArgumentException("features (" + featureLength + " values, " + featureCount
                    + " per row) and targets (" + targets.length + " values, " + targetCount
                    + " per row) are not the same non-zero number of rows");
        }
        this.featureCount = featureCount;
        this.targets = targets;
        this.targetCount = targetCount;
        this.rows = featureLength / featureCount;
    }

    static RowTable ofDoubles(double[] features, int featureCount, double[] targets, int targetCount) {
        return new RowTable(features.length, featureCount, targets, targetCount) {
            @Override
            void copyRow(int row, double[] into, int at) {
                System.arraycopy(features, row * featureCount, into, at, featureCount);
            }

            @Override
            double[] doubles() {
                return features;
            }
        };
    }

    static RowTable ofFloats(float[] features, int featureCount, double[] targets, int targetCount) {
        return new RowTable(features.length, featureCount, targets, targetCount) {
            @Override
            void copyRow(int row, double[] into, int at) {
                int from = row * featureCount;
                for (int i = 0; i < featureCount; i++) {
                    into[at + i] = features[from + i];
                }
            }
        };
    }

    static RowTable ofUnsignedBytes(byte[] features, int featureCount, double scale, double[] targets,
            int targetCount) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the scale of byte features must be finite and >= 0, got " + scale);
        }
        return new RowTable(features.length, featureCount, targets, targetCount) {
            @Override
            void copyRow(int row, double[] into, int at) {
                int from = row * featureCount;
                for (int i = 0; i < featureCount; i++) {
                    into[at + i] = (features[from + i] & 0xff) * scale;
                }
            }
        };
    }

    /** Copies row {@code row}'s features, widened, into {@code into} from {@code at}. */
    abstract void copyRow(int row, double[] into, int at);

    /** The features as they are kept, when kept as doubles; else null. */
    double[] doubles() {
        return null;
    }

    /** The targets, row-major. */
    double[] targets() {
        return targets;
    }

    /** Copies row {@code row}'s targets into {@code into} from {@code at}. */
    void copyTargets(int row, double[] into, int at) {
        System.arraycopy(targets, row * targetCount, into, at, targetCount);
    }

    double target(int row, int column) {
        return targets[row * targetCount + column];
    }

    int rows() {
        return rows;
    }

    int featureCount() {
        return featureCount;
    }

    int targetCount() {
        return targetCount;
    }
}

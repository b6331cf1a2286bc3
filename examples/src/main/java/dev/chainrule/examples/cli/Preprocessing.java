package dev.chainrule.examples.cli;

import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.LabeledData;
import dev.chainrule.examples.data.Task;
import java.util.Arrays;

/**
 * What turns raw rows into network inputs and targets, fitted on the training rows and saved with the model so that
 * evaluation and prediction see the same numbers: each feature becomes {@code (x - offset) / scale}; class labels
 * become what the loss's target domain asks for (one-hot rows, a label column, or -1/1 rows); a regression target
 * becomes {@code (y - targetOffset) / targetScale}, and predictions are mapped back.
 *
 * @param featureOffset per feature
 * @param featureScale  per feature, positive
 * @param targetOffset  regression targets' offset; 0 for classification
 * @param targetScale   regression targets' scale; 1 for classification
 */
record Preprocessing(double[] featureOffset, double[] featureScale, double targetOffset, double targetScale) {

    /**
     * Fitted on {@code train} with images divided by their largest pixel value: {@link #fit(LabeledData, Domain,
     * ImageScaling)} with {@link ImageScaling#MAX}.
     */
    static Preprocessing fit(LabeledData train, Domain targets) {
        return fit(train, targets, ImageScaling.MAX);
    }

    /**
     * Fitted on {@code train}: images are divided by their largest pixel value ({@link ImageScaling#MAX}) or
     * standardised pixel by pixel ({@link ImageScaling#STANDARDISE}), other features always standardised to mean 0
     * and standard deviation 1 (a constant feature is only centred); regression targets are standardised too when
     * the loss takes any real target ({@code targets} is {@link Domain#REAL}), and kept as they are otherwise.
     * Statistics are gathered row by row, so that images kept as bytes are never widened to doubles.
     */
    static Preprocessing fit(LabeledData train, Domain targets, ImageScaling images) {
        int width = train.featureCount();
        double[] offset = new double[width];
        double[] scale = new double[width];
        if (train.pixelMax().isPresent() && images == ImageScaling.MAX) {
            Arrays.fill(scale, train.pixelMax().getAsDouble());
        } else {
            columnMeans(train.raw(), offset);
            columnDeviations(train.raw(), offset, scale);
        }
        if (train.task() == Task.CLASSIFICATION || targets != Domain.REAL) {
            return new Preprocessing(offset, scale, 0, 1);
        }
        double[] y = train.raw().targets();
        double mean = mean(y);
        return new Preprocessing(offset, scale, mean, deviation(y, mean));
    }

    /** Each feature column's mean over the rows of {@code data}, into {@code means}. */
    private static void columnMeans(Dataset data, double[] means) {
        double[] row = new double[data.featureCount()];
        for (int r = 0; r < data.size(); r++) {
            data.copyFeatureRows(r, row);
            for (int c = 0; c < row.length; c++) {
                means[c] += row[c];
            }
        }
        for (int c = 0; c < means.length; c++) {
            means[c] /= data.size();
        }
    }

    /** Each feature column's standard deviation around {@code means}, into {@code deviations}; 1 for a constant. */
    private static void columnDeviations(Dataset data, double[] means, double[] deviations) {
        double[] row = new double[data.featureCount()];
        for (int r = 0; r < data.size(); r++) {
            data.copyFeatureRows(r, row);
            for (int c = 0; c < row.length; c++) {
                deviations[c] += (row[c] - means[c]) * (row[c] - means[c]);
            }
        }
        for (int c = 0; c < deviations.length; c++) {
            deviations[c] = positive(Math.sqrt(deviations[c] / data.size()));
        }
    }

    /** No change: for models saved without preprocessing. */
    static Preprocessing identity(int features) {
        double[] scale = new double[features];
        Arrays.fill(scale, 1);
        return new Preprocessing(new double[features], scale, 0, 1);
    }

    /** Network inputs for raw feature rows (row-major, {@code featureCount} per row). */
    double[] features(double[] raw) {
        int width = featureOffset.length;
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (raw[i] - featureOffset[i % width]) / featureScale[i % width];
        }
        return out;
    }

    /**
     * The training form of {@code data} for a loss whose targets lie in {@code targets}: preprocessed features (images
     * kept as their bytes, see {@link Dataset#standardised}), and
     * classes as a label column ({@link Domain#CLASS_LABEL}), as -1/1 rows ({@link Domain#SIGN}) or one-hot rows
     * (every other domain), or scaled regression targets.
     */
    Dataset apply(LabeledData data, Domain targets) {
        if (data.featureCount() != featureOffset.length) {
            throw new IllegalArgumentException(data.name() + " has " + data.featureCount() + " features per row but the "
                    + "model takes " + featureOffset.length);
        }
        Dataset x = data.raw().standardised(featureOffset, featureScale);
        double[] labels = data.raw().targets();
        if (data.task() == Task.REGRESSION) {
            double[] y = new double[labels.length];
            for (int r = 0; r < labels.length; r++) {
                y[r] = (labels[r] - targetOffset) / targetScale;
            }
            return x.withTargets(y, 1);
        }
        if (targets == Domain.CLASS_LABEL) {
            return x.withTargets(labels.clone(), 1);
        }
        int classes = data.classes().size();
        double off = targets == Domain.SIGN ? -1 : 0;
        double[] y = new double[labels.length * classes];
        java.util.Arrays.fill(y, off);
        for (int r = 0; r < labels.length; r++) {
            y[r * classes + (int) labels[r]] = 1;
        }
        return x.withTargets(y, classes);
    }

    /** A network output for regression, in the target's own units. */
    double target(double output) {
        return output * targetScale + targetOffset;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double deviation(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return positive(Math.sqrt(sum / values.length));
    }

    /** A deviation usable as a scale: 1 for one too close to 0 (a constant, which is then only centred). */
    private static double positive(double deviation) {
        return deviation > 1e-12 ? deviation : 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Preprocessing that && Arrays.equals(featureOffset, that.featureOffset)
                && Arrays.equals(featureScale, that.featureScale) && targetOffset == that.targetOffset
                && targetScale == that.targetScale;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(featureOffset) * 31 + Arrays.hashCode(featureScale);
    }

    @Override
    public String toString() {
        return "Preprocessing[" + featureOffset.length + " features, target offset " + targetOffset + ", scale "
                + targetScale + "]";
    }
}

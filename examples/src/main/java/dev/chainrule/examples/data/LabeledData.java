package dev.chainrule.examples.data;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.training.Dataset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A data set as read, before any preprocessing: raw numeric features and one label column, which holds a class index
 * {@code 0 .. classes-1} for classification or the value to predict for regression.
 *
 * @param name      the data set's name, for messages and model files
 * @param task      classification or regression
 * @param raw       the features and the one label column
 * @param classes   the class names, in index order; empty for regression
 * @param pixelMax  for images: the largest raw value, by which features are divided instead of standardised
 */
public record LabeledData(String name, Task task, Dataset raw, List<String> classes, OptionalDouble pixelMax,
        Optional<FeatureShape> imageShape) {

    /** Data without an image arrangement: each row a plain feature vector. */
    public LabeledData(String name, Task task, Dataset raw, List<String> classes, OptionalDouble pixelMax) {
        this(name, task, raw, classes, pixelMax, Optional.empty());
    }

    public LabeledData {
        classes = List.copyOf(classes);
        if (imageShape.isPresent() && imageShape.get().size() != raw.featureCount()) {
            throw new IllegalArgumentException(name + ": images of " + imageShape.get() + " do not fill rows of "
                    + raw.featureCount() + " features");
        }
        if (raw.targetCount() != 1) {
            throw new IllegalArgumentException(name + ": expected one label column, got " + raw.targetCount());
        }
        if (task == Task.CLASSIFICATION) {
            if (classes.size() < 2) {
                throw new IllegalArgumentException(name + ": classification needs at least two classes, got " + classes);
            }
            double[] labels = raw.targets();
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] != Math.rint(labels[r]) || labels[r] < 0 || labels[r] >= classes.size()) {
                    throw new IllegalArgumentException(name + ", row " + (r + 1) + ": class label " + labels[r]
                            + " is not one of 0.." + (classes.size() - 1));
                }
            }
        } else if (!classes.isEmpty()) {
            throw new IllegalArgumentException(name + ": regression data has no classes, got " + classes);
        }
    }

    /** Number of rows. */
    public int size() {
        return raw.size();
    }

    /** Number of features. */
    public int featureCount() {
        return raw.featureCount();
    }

    /** The number of network outputs this task needs: one per class, or one value. */
    public int outputCount() {
        return task == Task.CLASSIFICATION ? classes.size() : 1;
    }

    /** The rows at {@code indices}, in that order. */
    public LabeledData rows(int[] indices) {
        return new LabeledData(name, task, raw.rows(indices), classes, pixelMax, imageShape);
    }

    /** The first {@code count} rows. */
    public LabeledData head(int count) {
        int[] indices = new int[Math.min(count, size())];
        Arrays.setAll(indices, i -> i);
        return rows(indices);
    }

    /**
     * A seeded random split into a first part with {@code firstFraction} of the rows and a second with the rest, the
     * same rows as {@link Dataset#split} chooses.
     */
    public Split split(double firstFraction, long seed) {
        Dataset.Split parts = raw.split(firstFraction, seed);
        return new Split(new LabeledData(name, task, parts.first(), classes, pixelMax, imageShape),
                new LabeledData(name, task, parts.second(), classes, pixelMax, imageShape));
    }

    /**
     * Two disjoint parts.
     *
     * @param first  the part with the requested fraction
     * @param second the rest
     */
    public record Split(LabeledData first, LabeledData second) {
    }
}

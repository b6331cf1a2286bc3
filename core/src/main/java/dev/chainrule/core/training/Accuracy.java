package dev.chainrule.core.training;

/**
 * Counts correct classifications: a row is correct when its largest output is at the target class, where the target
 * is a class label (one target column) or one-hot or soft (as many target columns as outputs). Regression outputs
 * (a single output column) have no accuracy.
 */
public final class Accuracy {

    private Accuracy() {
    }

    /** Whether outputs of this width against targets of this width are a classification. */
    public static boolean applies(int outputColumns, int targetColumns) {
        return outputColumns > 1 && (targetColumns == 1 || targetColumns == outputColumns);
    }

    /**
     * The number of correct rows.
     *
     * @param outputs       row-major outputs, {@code rows x outputColumns}
     * @param targets       row-major targets, {@code rows x targetColumns}
     */
    public static int correct(double[] outputs, int outputColumns, double[] targets, int targetColumns) {
        int rows = outputs.length / outputColumns;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int predicted = argmax(outputs, r * outputColumns, outputColumns);
            int actual = targetColumns == 1 ? (int) targets[r] : argmax(targets, r * targetColumns, targetColumns);
            if (predicted == actual) {
                correct++;
            }
        }
        return correct;
    }

    /** The index of the largest of {@code length} values from {@code offset}; the first one on ties. */
    public static int argmax(double[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}

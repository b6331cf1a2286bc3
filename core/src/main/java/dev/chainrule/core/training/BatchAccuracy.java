package dev.chainrule.core.training;

import dev.chainrule.core.data.Batch;
import dev.chainrule.core.tensor.Tensor;

/**
 * Counts the correct rows of mini-batches of a classification ({@link Accuracy}), reading each batch's outputs back
 * into one array that it reuses, and the targets from the batch itself, so that counting allocates nothing batch after
 * batch.
 */
final class BatchAccuracy {

    private final int outputs;
    private double[] values = new double[0];

    /** Counts for outputs of {@code outputs} columns. */
    BatchAccuracy(int outputs) {
        this.outputs = outputs;
    }

    /**
     * The number of rows of {@code output} whose largest value is at the target class of the batch's row.
     *
     * @param output the batch's outputs, {@code rows x outputs}; not modified
     */
    int correct(Tensor output, Batch batch) {
        int rows = output.rows();
        if (values.length != rows * outputs) {
            values = new double[rows * outputs];
        }
        output.backend().toDoubleArray(output, values);
        int width = batch.targetCount();
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int predicted = Accuracy.argmax(values, r * outputs, outputs);
            if (predicted == actual(batch, r, width)) {
                correct++;
            }
        }
        return correct;
    }

    private static int actual(Batch batch, int row, int width) {
        if (width == 1) {
            return (int) batch.target(row, 0);
        }
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (batch.target(row, c) > batch.target(row, best)) {
                best = c;
            }
        }
        return best;
    }
}

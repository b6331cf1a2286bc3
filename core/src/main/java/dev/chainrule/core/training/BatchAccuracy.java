package dev.chainrule.core.training;

import dev.chainrule.core.tensor.Tensor;

/**
 * Counts the correct rows of mini-batches of a classification ({@link Accuracy}), reading each batch's outputs back
 * into one array that it reuses, and the targets straight from the host data set, so that counting allocates nothing
 * batch after batch.
 */
final class BatchAccuracy {

    private final Dataset host;
    private final int outputs;
    private double[] values = new double[0];

    /** Counts against the targets of {@code host} for outputs of {@code outputs} columns. */
    BatchAccuracy(Dataset host, int outputs) {
        this.host = host;
        this.outputs = outputs;
    }

    /**
     * The number of rows of {@code output} whose largest value is at the target class of the host row
     * {@code order[offset + i]}.
     *
     * @param output the batch's outputs, {@code rows x outputs}; not modified
     */
    int correct(Tensor output, int[] order, int offset) {
        int rows = output.rows();
        if (values.length != rows * outputs) {
            values = new double[rows * outputs];
        }
        output.backend().toDoubleArray(output, values);
        double[] targets = host.targets();
        int width = host.targetCount();
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int predicted = Accuracy.argmax(values, r * outputs, outputs);
            int row = order[offset + r];
            int actual = width == 1 ? (int) targets[row] : Accuracy.argmax(targets, row * width, width);
            if (predicted == actual) {
                correct++;
            }
        }
        return correct;
    }
}

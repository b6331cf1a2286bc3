package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** Turns a column of class labels into one-hot rows, with backend operations only. */
final class ClassLabels {

    private ClassLabels() {
    }

    /** The work slot of a loss's {@code out} or {@code work} tensor that the built-in losses give the one-hot rows. */
    static final int SLOT = 2;

    /**
     * One-hot rows for {@code labels}: row {@code i} of {@code out} gets a 1 in column {@code labels[i]} and 0
     * elsewhere. Computed as {@code [0 1 ... k-1] == label}, row by row, with the row of class numbers in {@code out}'s
     * work tensor 0.
     *
     * @param labels {@code batch x 1} whole numbers in {@code 0 .. k - 1} (checked before); not modified
     * @param out    {@code batch x k}; modified
     * @return {@code out}
     */
    static Tensor oneHot(Tensor labels, Tensor out) {
        TensorBackend backend = labels.backend();
        int classes = out.columns();
        double[] indices = new double[classes];
        for (int c = 0; c < classes; c++) {
            indices[c] = c;
        }
        Tensor row = backend.assign(indices, out.scratch(0, new Shape(1, classes)));
        backend.fill(0, out);
        backend.binary(BinaryOp.ADD, out, row, out);
        return backend.binary(BinaryOp.EQUAL, out, labels, out);
    }
}

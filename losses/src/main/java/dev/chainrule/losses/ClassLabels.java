package dev.chainrule.losses;

import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/** Turns a column of class labels into one-hot rows, with backend operations only. */
final class ClassLabels {

    private ClassLabels() {
    }

    /**
     * One-hot rows for {@code labels}: row {@code i} has a 1 in column {@code labels[i]} and 0 elsewhere. Computed as
     * {@code [0 1 ... k-1] == label}, row by row.
     *
     * @param labels  {@code batch x 1} whole numbers in {@code 0 .. classes - 1} (checked before); not modified
     * @param classes the number of classes {@code k}
     */
    static Tensor oneHot(Tensor labels, int classes) {
        TensorBackend backend = labels.backend();
        double[] indices = new double[classes];
        for (int c = 0; c < classes; c++) {
            indices[c] = c;
        }
        Tensor row = backend.fromArray(labels.dtype(), new Shape(1, classes), indices);
        Tensor grid = labels.newLike(new Shape(labels.rows(), classes));
        backend.binary(BinaryOp.ADD, grid, row, grid);
        return backend.binary(BinaryOp.EQUAL, grid, labels, grid);
    }
}

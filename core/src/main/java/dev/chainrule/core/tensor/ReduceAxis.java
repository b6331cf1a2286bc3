package dev.chainrule.core.tensor;

/** Which way a reduction runs. */
public enum ReduceAxis {
    /** One value per row: an {@code r x c} tensor reduces to {@code r x 1}. */
    PER_ROW,
    /** One value per column: an {@code r x c} tensor reduces to {@code 1 x c} (a sum over the batch). */
    PER_COLUMN;

    /** The shape that this reduction of a tensor of the given shape produces. */
    public Shape resultShape(Shape input) {
        return this == PER_ROW ? new Shape(input.rows(), 1) : new Shape(1, input.columns());
    }
}

package dev.chainrule.core.tensor;

/**
 * The shape of a matrix: {@code rows x columns}. Chainrule's tensors are two-dimensional; a batch is
 * one row per example.
 *
 * @param rows    number of rows, at least 1
 * @param columns number of columns, at least 1
 */
public record Shape(int rows, int columns) {

    /** The most elements one tensor holds: a Java array's limit. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    public Shape {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a shape needs at least one row and one column, got " + rows + "x" + columns);
        }
        long size = (long) rows * columns;
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " tensor would hold " + size + " numbers ("
                    + MemorySize.format(MemorySize.bytes(size, DType.FLOAT32)) + " as float32), more than the "
                    + MAX_SIZE + " one tensor can hold");
        }
    }

    /** Number of elements. */
    public int size() {
        return rows * columns;
    }

    /** The shape with rows and columns swapped. */
    public Shape transposed() {
        return new Shape(columns, rows);
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}

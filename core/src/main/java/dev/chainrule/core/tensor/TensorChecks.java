package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The argument checks that every {@link TensorBackend} operation makes, with messages that name the operation and
 * the shapes it got. Backends call these before they compute, so that all backends fail alike.
 */
public final class TensorChecks {

    private TensorChecks() {
    }

    /** Every tensor belongs to {@code backend} and has the dtype of the first. */
    public static void sameBackendAndDType(String op, TensorBackend backend, Tensor... tensors) {
        for (Tensor tensor : tensors) {
            belongs(op, backend, tensors[0].dtype(), tensor);
        }
    }

    /** {@code a} belongs to {@code backend}; the form without an array, which a hot loop can call for free. */
    public static void sameBackendAndDType(String op, TensorBackend backend, Tensor a) {
        belongs(op, backend, a.dtype(), a);
    }

    /** Both tensors belong to {@code backend} and have one dtype. */
    public static void sameBackendAndDType(String op, TensorBackend backend, Tensor a, Tensor b) {
        belongs(op, backend, a.dtype(), a);
        belongs(op, backend, a.dtype(), b);
    }

    /** The three tensors belong to {@code backend} and have one dtype. */
    public static void sameBackendAndDType(String op, TensorBackend backend, Tensor a, Tensor b, Tensor c) {
        belongs(op, backend, a.dtype(), a);
        belongs(op, backend, a.dtype(), b);
        belongs(op, backend, a.dtype(), c);
    }

    /**
     * The arguments of {@link TensorBackend#adamStep}: the five tensors belong to {@code backend} and have the
     * parameter's dtype and shape; a message names the tensor at fault. Builds no array, so the optimizer's step calls
     * it for free.
     */
    public static void adamStep(TensorBackend backend, Tensor parameter, Tensor gradient, Tensor m, Tensor v,
            Tensor work) {
        adamOperand(backend, parameter, "parameter", parameter);
        adamOperand(backend, parameter, "gradient", gradient);
        adamOperand(backend, parameter, "m", m);
        adamOperand(backend, parameter, "v", v);
        adamOperand(backend, parameter, "work", work);
    }

    private static void adamOperand(TensorBackend backend, Tensor parameter, String name, Tensor tensor) {
        if (tensor.backend() != backend) {
            throw new IllegalArgumentException("adamStep: " + name + " is a tensor of " + owner(backend, tensor)
                    + " but was given to backend '" + backend.name() + "'; tensors of two backends cannot be mixed");
        }
        if (tensor.dtype() != parameter.dtype()) {
            throw new IllegalArgumentException("adamStep: " + name + " is " + tensor.dtype().label()
                    + " but the parameter is " + parameter.dtype().label() + "; convert one tensor first");
        }
        if (!tensor.shape().equals(parameter.shape())) {
            throw new IllegalArgumentException("adamStep: " + name + " is " + tensor.shape()
                    + " but the parameter is " + parameter.shape() + "; all five tensors must have one shape");
        }
    }

    private static void belongs(String op, TensorBackend backend, DType dtype, Tensor tensor) {
        if (tensor.backend() != backend) {
            throw new IllegalArgumentException(op + ": a tensor of " + owner(backend, tensor)
                    + " was given to backend '" + backend.name() + "'; tensors of two backends cannot be mixed");
        }
        if (tensor.dtype() != dtype) {
            throw new IllegalArgumentException(op + ": dtypes " + dtype.label() + " and " + tensor.dtype().label()
                    + " are mixed; convert one tensor first");
        }
    }

    /** {@code actual} has exactly the shape {@code expected}. */
    public static void sameShape(String op, String what, Shape expected, Shape actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException(op + ": " + what + " is " + actual + " but must be " + expected);
        }
    }

    /** An array of {@code length} elements fits {@code shape}. */
    public static void arrayFits(String op, Shape shape, int length) {
        if (length != shape.size()) {
            throw new IllegalArgumentException(op + ": " + length + " values do not fill a " + shape
                    + " tensor (" + shape.size() + " elements)");
        }
    }

    /** An array of {@code length} holds a whole tensor of {@code shape} from {@code offset} on. */
    public static void arraySliceFits(String op, Shape shape, int length, int offset) {
        if (offset < 0 || offset > length || length - offset < shape.size()) {
            throw new IllegalArgumentException(op + ": " + length + " values from index " + offset
                    + " do not fill a " + shape + " tensor (" + shape.size() + " elements)");
        }
    }

    /** {@code length} values are whole rows of a tensor of {@code shape} that fit from row {@code firstRow} on. */
    public static void rowsFit(String op, Shape shape, int firstRow, int length) {
        int rows = length / shape.columns();
        if (length % shape.columns() != 0 || firstRow < 0 || (long) firstRow + rows > shape.rows()) {
            throw new IllegalArgumentException(op + ": " + length + " values from row " + firstRow
                    + " are not whole rows that fit in a " + shape + " tensor");
        }
    }

    /** {@code b} may be combined with {@code a}: same shape, a row, a column or a scalar of fitting size. */
    public static void broadcastable(String op, Shape a, Shape b) {
        boolean fits = b.equals(a)
                || (b.rows() == 1 && b.columns() == a.columns())
                || (b.columns() == 1 && b.rows() == a.rows())
                || (b.rows() == 1 && b.columns() == 1);
        if (!fits) {
            throw new IllegalArgumentException(op + ": cannot broadcast " + b + " onto " + a
                    + " (allowed: " + a + ", 1x" + a.columns() + ", " + a.rows() + "x1 or 1x1)");
        }
    }

    /** The shape of {@code op(a) op(b)}, after checking that the inner dimensions agree. */
    public static Shape productShape(Shape a, boolean transposeA, Shape b, boolean transposeB) {
        Shape left = transposeA ? a.transposed() : a;
        Shape right = transposeB ? b.transposed() : b;
        if (left.columns() != right.rows()) {
            throw new IllegalArgumentException("matmul: cannot multiply " + describe(a, transposeA) + " by "
                    + describe(b, transposeB) + ": inner dimensions " + left.columns() + " and " + right.rows()
                    + " differ");
        }
        return new Shape(left.rows(), right.columns());
    }

    /** {@code out} is neither {@code a} nor {@code b}. */
    public static void noAlias(String op, Tensor out, Tensor a, Tensor b) {
        if (a == out || b == out) {
            throw new IllegalArgumentException(op + ": the output tensor must not be one of the inputs");
        }
    }

    /** {@code out} is a different tensor from every input. */
    public static void noAlias(String op, Tensor out, Tensor... inputs) {
        for (Tensor input : inputs) {
            if (input == out) {
                throw new IllegalArgumentException(op + ": the output tensor must not be one of the inputs");
            }
        }
    }

    /** Every row index in {@code rowIndices[offset, offset + count)} lies in {@code [0, rows)}. */
    public static void rowIndices(String op, int[] rowIndices, int offset, int count, int rows) {
        if (offset < 0 || offset + count > rowIndices.length) {
            throw new IllegalArgumentException(op + ": " + count + " indices from offset " + offset
                    + " run past the " + rowIndices.length + " indices given");
        }
        for (int i = offset; i < offset + count; i++) {
            if (rowIndices[i] < 0 || rowIndices[i] >= rows) {
                throw new IllegalArgumentException(op + ": row index " + rowIndices[i] + " at position " + i
                        + " is outside a tensor of " + rows + " rows");
            }
        }
    }

    private static String owner(TensorBackend backend, Tensor tensor) {
        return tensor.backend().name().equals(backend.name())
                ? "another instance of backend '" + backend.name() + "'"
                : "backend '" + tensor.backend().name() + "'";
    }

    private static String describe(Shape shape, boolean transposed) {
        return transposed ? shape + " (transposed: " + shape.transposed() + ")" : shape.toString();
    }

    /** A short, readable rendering of a tensor's values for messages and {@code toString}. */
    public static String render(Tensor tensor) {
        double[] values = tensor.toDoubleArray();
        int columns = tensor.columns();
        int shownRows = Math.min(tensor.rows(), 6);
        StringBuilder text = new StringBuilder();
        text.append(tensor.backend().name()).append(' ').append(tensor.dtype().label()).append(' ')
                .append(tensor.shape()).append(" [");
        for (int r = 0; r < shownRows; r++) {
            double[] row = Arrays.copyOfRange(values, r * columns, r * columns + Math.min(columns, 8));
            text.append(r == 0 ? "" : ", ").append(Arrays.toString(row));
            if (columns > 8) {
                text.setLength(text.length() - 1);
                text.append(", ...]");
            }
        }
        if (tensor.rows() > shownRows) {
            text.append(", ...");
        }
        return text.append(']').toString();
    }
}

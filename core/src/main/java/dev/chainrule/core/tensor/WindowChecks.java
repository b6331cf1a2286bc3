package dev.chainrule.core.tensor;

/**
 * The argument checks of the sliding-window operations of {@link TensorBackend} ({@code conv2d}, {@code pool2d} and
 * their gradients), with messages that name the operation and the shapes; every backend calls them before it
 * computes, so that all fail alike.
 */
public final class WindowChecks {

    private WindowChecks() {
    }

    /**
     * The tensors of a convolution: {@code input} {@code batch x window.inputSize()}, {@code kernel}
     * {@code filters x window.patchSize()} and {@code output} {@code batch x filters * window.positions()}; every
     * tensor of {@code backend} with one dtype. The gradients check the same shapes ({@code output} being
     * {@code dE/d(output)}).
     *
     * @return the number of filters
     */
    public static int convolution(String op, TensorBackend backend, Window2d window, Tensor input, Tensor kernel,
            Tensor output) {
        TensorChecks.sameBackendAndDType(op, backend, input, kernel, output);
        int filters = kernel.rows();
        TensorChecks.sameShape(op, "kernel", new Shape(filters, window.patchSize()), kernel.shape());
        checkBatch(op, window, input, output, (long) filters * window.positions());
        return filters;
    }

    /** A convolution's {@code bias}: {@code 1 x filters}, of {@code backend} and the dtype of {@code like}. */
    public static void bias(String op, TensorBackend backend, Tensor like, int filters, Tensor bias) {
        TensorChecks.sameBackendAndDType(op, backend, like, bias);
        TensorChecks.sameShape(op, "bias", new Shape(1, filters), bias.shape());
    }

    /**
     * The tensors of a pooling: {@code input} {@code batch x window.inputSize()} and {@code output}
     * {@code batch x channels * window.positions()}; every tensor of {@code backend} with one dtype.
     */
    public static void pooling(String op, TensorBackend backend, Window2d window, Tensor input, Tensor output) {
        TensorChecks.sameBackendAndDType(op, backend, input, output);
        checkBatch(op, window, input, output, (long) window.channels() * window.positions());
    }

    private static void checkBatch(String op, Window2d window, Tensor input, Tensor output, long outputColumns) {
        if (input.columns() != window.inputSize()) {
            throw new IllegalArgumentException(op + ": input is " + input.shape() + " but a " + window.channels() + "x"
                    + window.height() + "x" + window.width() + " example needs " + window.inputSize() + " columns");
        }
        if (outputColumns > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + outputColumns + " output numbers per example are too many");
        }
        TensorChecks.sameShape(op, "output", new Shape(input.rows(), (int) outputColumns), output.shape());
        TensorChecks.noAlias(op, output, input);
    }
}

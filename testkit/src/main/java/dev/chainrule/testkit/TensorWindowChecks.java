package dev.chainrule.testkit;

import static dev.chainrule.testkit.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * The checks of the sliding-window operations ({@code conv2d}, {@code pool2d} and their gradients) against
 * {@link ReferenceWindows}' naive loops, for every stride, padding and dilation below, odd sizes, 1x1 kernels and
 * several channels; inputs are never modified.
 */
final class TensorWindowChecks {

    private static final int BATCH = 3;

    /** Windows of a convolution with the number of filters: every padding kind, strides, dilations, odd sizes. */
    private static final List<Window2d> CONVOLUTIONS = List.of(
            Window2d.of(1, 5, 5, 3, 3, 1, 0, 1),
            Window2d.same(2, 6, 5, 3, 3, 1, 1),
            Window2d.same(3, 7, 6, 3, 3, 2, 1),
            Window2d.same(2, 5, 5, 2, 2, 1, 1),
            Window2d.of(2, 7, 7, 3, 3, 2, 1, 1),
            Window2d.of(3, 9, 8, 3, 3, 1, 2, 2),
            Window2d.of(2, 8, 7, 2, 3, 3, 1, 1),
            Window2d.of(4, 3, 5, 1, 1, 1, 0, 1),
            Window2d.of(2, 5, 4, 1, 1, 2, 1, 1),
            Window2d.of(3, 4, 4, 4, 4, 1, 0, 1));

    private static final List<Window2d> POOLS = List.of(
            Window2d.of(2, 6, 6, 2, 2, 2, 0, 1),
            Window2d.of(2, 7, 5, 2, 2, 2, 0, 1),
            Window2d.of(3, 7, 5, 3, 3, 2, 1, 1),
            Window2d.of(1, 5, 5, 2, 2, 1, 1, 1),
            Window2d.of(2, 7, 7, 2, 2, 1, 0, 2),
            Window2d.of(2, 4, 3, 4, 3, 1, 0, 1));

    private TensorWindowChecks() {
    }

    static void conv2dMatchesTheNaiveLoopForEveryStridePaddingAndDilation(TensorBackend backend, DType dtype) {
        long seed = 31;
        for (Window2d w : CONVOLUTIONS) {
            for (int filters : new int[] {1, 3}) {
                Tensor x = Points.uniform(backend, dtype, BATCH, w.inputSize(), -1, 1, seed++);
                Tensor kernel = Points.uniform(backend, dtype, filters, w.patchSize(), -1, 1, seed++);
                Tensor bias = Points.uniform(backend, dtype, 1, filters, -1, 1, seed++);
                Tensor out = backend.fill(99, backend.zeros(dtype, new Shape(BATCH, filters * w.positions())));
                double[] xBefore = x.toDoubleArray();
                double[] kernelBefore = kernel.toDoubleArray();
                String what = "conv2d of " + filters + " filters, " + w;
                assertSame(out, backend.conv2d(w, x, kernel, bias, out), what + ": returns out");
                assertClose(ReferenceWindows.convolution(w, xBefore, kernelBefore, bias.toDoubleArray(), BATCH,
                        filters), out.toDoubleArray(), Approx.accumulated(dtype), what);
                assertArrayEquals(xBefore, x.toDoubleArray(), what + " modified its input");
                assertArrayEquals(kernelBefore, kernel.toDoubleArray(), what + " modified its kernel");

                Tensor gradient = Points.uniform(backend, dtype, BATCH, filters * w.positions(), -1, 1, seed++);
                double[] gradientBefore = gradient.toDoubleArray();
                Tensor gradInput = backend.fill(99, x.newLike());
                assertSame(gradInput, backend.conv2dInputGradient(w, gradient, kernel, gradInput));
                assertClose(ReferenceWindows.convolutionInputGradient(w, gradientBefore, kernelBefore, BATCH, filters),
                        gradInput.toDoubleArray(), Approx.accumulated(dtype), what + ", input gradient");

                Tensor gradKernel = backend.fill(99, kernel.newLike());
                Tensor gradBias = backend.fill(99, bias.newLike());
                backend.conv2dKernelGradient(w, x, gradient, gradKernel, gradBias);
                double[] both = ReferenceWindows.convolutionKernelGradient(w, xBefore, gradientBefore, BATCH, filters);
                int kernelSize = filters * w.patchSize();
                assertClose(java.util.Arrays.copyOf(both, kernelSize), gradKernel.toDoubleArray(),
                        Approx.accumulated(dtype) * 4, what + ", kernel gradient");
                assertClose(java.util.Arrays.copyOfRange(both, kernelSize, both.length), gradBias.toDoubleArray(),
                        Approx.accumulated(dtype) * 4, what + ", bias gradient");
                assertArrayEquals(gradientBefore, gradient.toDoubleArray(), what + ": a gradient modified dE/dout");
                assertArrayEquals(xBefore, x.toDoubleArray(), what + ": the kernel gradient modified the input");
            }
        }
    }

    static void pool2dMatchesTheNaiveLoopForEveryStridePaddingAndDilation(TensorBackend backend, DType dtype) {
        long seed = 71;
        for (Window2d w : POOLS) {
            for (PoolOp op : PoolOp.values()) {
                Tensor x = Points.uniform(backend, dtype, BATCH, w.inputSize(), -1, 1, seed++);
                double[] xBefore = x.toDoubleArray();
                Tensor out = backend.fill(99, backend.zeros(dtype, new Shape(BATCH, w.channels() * w.positions())));
                String what = "pool2d " + op + ", " + w;
                assertSame(out, backend.pool2d(op, w, x, out), what + ": returns out");
                assertClose(ReferenceWindows.pool(op, w, xBefore, BATCH), out.toDoubleArray(),
                        Approx.accumulated(dtype), what);
                Tensor gradient = Points.uniform(backend, dtype, BATCH, out.columns(), -1, 1, seed++);
                double[] gradientBefore = gradient.toDoubleArray();
                Tensor gradInput = backend.fill(99, x.newLike());
                assertSame(gradInput, backend.pool2dInputGradient(op, w, x, gradient, gradInput));
                assertClose(ReferenceWindows.poolInputGradient(op, w, xBefore, gradientBefore, BATCH),
                        gradInput.toDoubleArray(), Approx.accumulated(dtype), what + ", input gradient");
                assertArrayEquals(xBefore, x.toDoubleArray(), what + " modified its input");
                assertArrayEquals(gradientBefore, gradient.toDoubleArray(), what + " modified dE/dout");
            }
        }
    }

    static void windowOperationsRefuseMismatchedShapesNamingThem(TensorBackend backend, DType dtype) {
        Window2d w = Window2d.of(2, 4, 4, 3, 3, 1, 0, 1);
        Tensor x = backend.zeros(dtype, new Shape(2, w.inputSize()));
        Tensor kernel = backend.zeros(dtype, new Shape(3, w.patchSize()));
        Tensor bias = backend.zeros(dtype, new Shape(1, 3));
        Tensor out = backend.zeros(dtype, new Shape(2, 3 * w.positions()));
        Tensor narrow = backend.zeros(dtype, new Shape(2, w.inputSize() - 1));
        Tensor wrongKernel = backend.zeros(dtype, new Shape(3, w.patchSize() + 1));
        Tensor wrongBias = backend.zeros(dtype, new Shape(1, 2));
        Tensor wrongOut = backend.zeros(dtype, new Shape(2, 3 * w.positions() + 1));
        expectRefusal(() -> backend.conv2d(w, narrow, kernel, bias, out), "2x" + (w.inputSize() - 1));
        expectRefusal(() -> backend.conv2d(w, x, wrongKernel, bias, out), wrongKernel.shape().toString());
        expectRefusal(() -> backend.conv2d(w, x, kernel, wrongBias, out), "1x2");
        expectRefusal(() -> backend.conv2d(w, x, kernel, bias, wrongOut), wrongOut.shape().toString());
        expectRefusal(() -> backend.conv2dInputGradient(w, wrongOut, kernel, x), wrongOut.shape().toString());
        expectRefusal(() -> backend.conv2dKernelGradient(w, x, out, kernel, wrongBias), "1x2");
        expectRefusal(() -> backend.pool2d(PoolOp.MAX, w, narrow, out), "2x" + (w.inputSize() - 1));
        expectRefusal(() -> backend.pool2d(PoolOp.AVERAGE, w, x, wrongOut), wrongOut.shape().toString());
        Tensor pooled = backend.zeros(dtype, new Shape(2, 2 * w.positions()));
        expectRefusal(() -> backend.pool2dInputGradient(PoolOp.MAX, w, x, pooled, narrow), "2x" + (w.inputSize() - 1));
    }

    private static void expectRefusal(Runnable call, String shape) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(error.getMessage().contains(shape), () -> "the message should name " + shape + ": "
                + error.getMessage());
    }
}

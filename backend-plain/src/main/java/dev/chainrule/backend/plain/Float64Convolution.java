package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FLOAT64 convolution lowered to the packed product (im2col): each example's windows are laid out as the columns of
 * a {@code patch x positions} matrix ({@code patch = channels * kernelHeight * kernelWidth}), so that the example's
 * output, {@code filters x positions} and already channels-first, is {@code kernel (filters x patch)} times that
 * matrix. The gradients are the two other products of the same three matrices: {@code kernel^T dE/dout} scattered back
 * onto the input (col2im), and the kernel's gradient, summed over the batch, computed transposed as the window matrix
 * times {@code dE/dout^T} ({@code patch x filters}: a first layer's patch of a few taps would leave most of a kernel
 * tile's columns empty the other way round).
 * A 1x1 kernel with stride 1 and no padding reads the example itself as its window matrix.
 *
 * <p>Examples are shared among the product threads when the work is worth it, each thread running single-threaded
 * products in window buffers of its own, which it keeps from call to call (no allocation once the largest shape has
 * run). The kernel, the same operand of every example's product, is packed once a call by the calling thread, and
 * the threads read it there.
 */
final class Float64Convolution {

    private static final int COLUMNS = 0;
    private static final int PARTIALS = 1;
    private static final int KERNEL = 2;

    private final Float64Blocked blocked;
    private final ComputePool pool;
    private final ThreadLocal<double[][]> buffers = ThreadLocal.withInitial(() -> new double[3][0]);
    private final ThreadLocal<ExampleLayouts> layouts = ThreadLocal.withInitial(ExampleLayouts::new);

    Float64Convolution(Float64Blocked blocked, ComputePool pool) {
        this.blocked = blocked;
        this.pool = pool;
    }

    /** Range of examples {@code [from, to)} that one task computes, with the index of the task. */
    @FunctionalInterface
    private interface Examples {
        void run(int task, int from, int to);
    }

    /**
     * {@code out = conv(x, kernel) + bias} for {@code batch} examples (see {@code TensorBackend.conv2d}).
     *
     * @param out modified
     */
    void forward(Window2d w, double[] x, double[] kernel, double[] bias, double[] out, int batch, int filters) {
        int positions = w.positions();
        int patch = w.patchSize();
        double[] packedKernel = buffer(KERNEL, blocked.packedSize(filters, patch));
        blocked.packWhole(kernel, Layout.of(patch, false), filters, patch, packedKernel);
        share(batch, (long) filters * positions * patch, (task, from, to) -> {
            double[] columns = pointwise(w) ? x : buffer(COLUMNS, patch * positions);
            ExampleLayouts examples = layouts.get();
            for (int n = from; n < to; n++) {
                if (!pointwise(w)) {
                    toColumns(w, x, n * w.inputSize(), columns);
                }
                int at = n * filters * positions;
                blocked.multiplyPacked(packedKernel, columns, columns(w, examples, n), out, at, positions, filters,
                        positions, patch, false);
                for (int f = 0; f < filters; f++) {
                    double b = bias[f];
                    for (int i = at + f * positions, end = i + positions; i < end; i++) {
                        out[i] += b;
                    }
                }
            }
        });
    }

    /**
     * {@code out = dE/dx} from {@code g = dE/d(out)} for {@code batch} examples.
     *
     * @param out modified
     */
    void inputGradient(Window2d w, double[] g, double[] kernel, double[] out, int batch, int filters) {
        int positions = w.positions();
        int patch = w.patchSize();
        double[] packedKernel = buffer(KERNEL, blocked.packedSize(patch, filters));
        blocked.packWhole(kernel, Layout.of(patch, true), patch, filters, packedKernel);
        share(batch, (long) filters * positions * patch, (task, from, to) -> {
            double[] columns = buffer(COLUMNS, patch * positions);
            ExampleLayouts examples = layouts.get();
            for (int n = from; n < to; n++) {
                Layout gradient = examples.of(n, filters * positions, positions, 1);
                if (pointwise(w)) {
                    blocked.multiplyPacked(packedKernel, g, gradient, out, n * w.inputSize(), positions, patch,
                            positions, filters, false);
                } else {
                    blocked.multiplyPacked(packedKernel, g, gradient, columns, 0, positions, patch, positions,
                            filters, false);
                    fromColumns(w, columns, out, n * w.inputSize());
                }
            }
        });
    }

    /**
     * {@code kernelOut = dE/d(kernel)} and {@code biasOut = dE/d(bias)}, summed over {@code batch} examples.
     *
     * @param kernelOut modified
     * @param biasOut   modified
     */
    void kernelGradient(Window2d w, double[] x, double[] g, double[] kernelOut, double[] biasOut, int batch,
            int filters) {
        int positions = w.positions();
        int patch = w.patchSize();
        int kernelSize = filters * patch;
        int tasks = tasks(batch, (long) filters * positions * patch);
        int stride = kernelSize + filters;
        double[] sums = buffer(PARTIALS, tasks * stride);
        share(batch, (long) filters * positions * patch, (task, from, to) -> {
            double[] columns = pointwise(w) ? x : buffer(COLUMNS, patch * positions);
            int kernelAt = task * stride;
            int biasAt = kernelAt + kernelSize;
            Arrays.fill(sums, kernelAt, kernelAt + stride, 0);
            ExampleLayouts examples = layouts.get();
            for (int n = from; n < to; n++) {
                if (!pointwise(w)) {
                    toColumns(w, x, n * w.inputSize(), columns);
                }
                blocked.multiply(columns, columns(w, examples, n), g, examples.of(n, filters * positions, 1,
                        positions), sums, kernelAt, filters, patch, filters, positions, true);
                int at = n * filters * positions;
                for (int f = 0; f < filters; f++) {
                    sums[biasAt + f] += sum(g, at + f * positions, positions);
                }
            }
        });
        for (int f = 0, target = 0; f < filters; f++) {
            for (int i = 0; i < patch; i++, target++) {
                double sum = sums[i * filters + f];
                for (int t = 1; t < tasks; t++) {
                    sum += sums[t * stride + i * filters + f];
                }
                kernelOut[target] = sum;
            }
        }
        for (int f = 0; f < filters; f++) {
            double sum = sums[kernelSize + f];
            for (int t = 1; t < tasks; t++) {
                sum += sums[t * stride + kernelSize + f];
            }
            biasOut[f] = sum;
        }
    }

    /**
     * The sum of {@code count} elements from {@code g[from]} in four interleaved partial sums, which the processor
     * adds in parallel where one sum would wait for each addition.
     */
    static double sum(double[] g, int from, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (int end = from + count - 3; i < end; i += 4) {
            s0 += g[i];
            s1 += g[i + 1];
            s2 += g[i + 2];
            s3 += g[i + 3];
        }
        for (int end = from + count; i < end; i++) {
            s0 += g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The layout of example {@code n}'s window matrix: the example itself when pointwise, else the buffer. */
    private static Layout columns(Window2d w, ExampleLayouts examples, int n) {
        return examples.of(pointwise(w) ? n : 0, w.inputSize(), w.positions(), 1);
    }

    /** Whether the example itself is its window matrix: a 1x1 kernel, stride 1, no padding. */
    private static boolean pointwise(Window2d w) {
        return w.kernelHeight() == 1 && w.kernelWidth() == 1 && w.stride() == 1 && w.padTop() == 0
                && w.padLeft() == 0;
    }

    /**
     * Writes the window matrix of the example at {@code x[from]}: row {@code (c, kh, kw)}, column {@code (oh, ow)}
     * holds the input that output {@code (oh, ow)} reads at that tap, zero in the padding.
     */
    static void toColumns(Window2d w, double[] x, int from, double[] columns) {
        int outWidth = w.outWidth();
        int row = 0;
        for (int c = 0; c < w.channels(); c++) {
            int channel = from + c * w.height() * w.width();
            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                for (int kw = 0; kw < w.kernelWidth(); kw++, row++) {
                    int shift = kw * w.dilation() - w.padLeft();
                    int low = firstInside(shift, w.stride(), outWidth);
                    int high = endInside(shift, w.stride(), w.width(), outWidth);
                    for (int oh = 0; oh < w.outHeight(); oh++) {
                        int to = (row * w.outHeight() + oh) * outWidth;
                        int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
                        if (ih < 0 || ih >= w.height() || low >= high) {
                            Arrays.fill(columns, to, to + outWidth, 0);
                            continue;
                        }
                        Arrays.fill(columns, to, to + low, 0);
                        Arrays.fill(columns, to + high, to + outWidth, 0);
                        int source = channel + ih * w.width() + shift;
                        if (w.stride() == 1) {
                            System.arraycopy(x, source + low, columns, to + low, high - low);
                        } else {
                            for (int ow = low; ow < high; ow++) {
                                columns[to + ow] = x[source + ow * w.stride()];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #toColumns}: sets the example at {@code out[from]} to the window matrix's sums. */
    static void fromColumns(Window2d w, double[] columns, double[] out, int from) {
        Arrays.fill(out, from, from + w.inputSize(), 0);
        int outWidth = w.outWidth();
        int row = 0;
        for (int c = 0; c < w.channels(); c++) {
            int channel = from + c * w.height() * w.width();
            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                for (int kw = 0; kw < w.kernelWidth(); kw++, row++) {
                    int shift = kw * w.dilation() - w.padLeft();
                    int low = firstInside(shift, w.stride(), outWidth);
                    int high = endInside(shift, w.stride(), w.width(), outWidth);
                    for (int oh = 0; oh < w.outHeight(); oh++) {
                        int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
                        if (ih < 0 || ih >= w.height()) {
                            continue;
                        }
                        int at = (row * w.outHeight() + oh) * outWidth;
                        int target = channel + ih * w.width() + shift;
                        if (w.stride() == 1) {
                            addRow(columns, at, out, target, low, high);
                        } else {
                            for (int ow = low; ow < high; ow++) {
                                out[target + ow * w.stride()] += columns[at + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code out[target + i] += columns[at + i]} for {@code low <= i < high}: the unit-stride row of col2im, one
     * loop with an index the JIT sees as contiguous, so that it vectorizes it.
     */
    static void addRow(double[] columns, int at, double[] out, int target, int low, int high) {
        for (int i = low; i < high; i++) {
            out[target + i] += columns[at + i];
        }
    }

    /** The first output column whose tap {@code ow * stride + shift} lies at or right of the input's column 0. */
    private static int firstInside(int shift, int stride, int outWidth) {
        return shift >= 0 ? 0 : Math.min(outWidth, (-shift + stride - 1) / stride);
    }

    /** One past the last output column whose tap lies left of column {@code width}. */
    private static int endInside(int shift, int stride, int width, int outWidth) {
        int last = width - 1 - shift;
        return last < 0 ? 0 : Math.min(outWidth, last / stride + 1);
    }

    /** The examples split into one range per thread when the product is worth sharing, run through the pool. */
    private void share(int batch, long workPerExample, Examples examples) {
        int tasks = tasks(batch, workPerExample);
        if (tasks == 1) {
            examples.run(0, 0, batch);
            return;
        }
        List<Runnable> runs = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int task = t;
            int from = (int) ((long) batch * t / tasks);
            int to = (int) ((long) batch * (t + 1) / tasks);
            runs.add(() -> examples.run(task, from, to));
        }
        pool.runAll(runs);
    }

    private int tasks(int batch, long workPerExample) {
        return workPerExample * batch < MatrixMultiply.SHARED ? 1 : Math.min(batch, pool.threads());
    }

    /** This thread's buffer {@code which}, grown to at least {@code size}. */
    private double[] buffer(int which, int size) {
        double[][] own = buffers.get();
        if (own[which].length < size) {
            own[which] = new double[size];
        }
        return own[which];
    }
}

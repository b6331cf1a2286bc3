package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;
import java.util.Arrays;

/**
 * FLOAT64 pooling by direct loops, window by window over each channel of each example (see
 * {@code TensorBackend.pool2d}); a maximum's gradient goes to the first largest input in window order, found again from
 * the input, so that nothing is kept between the passes. A NaN counts as larger than every number, so that it
 * propagates to the output (as {@code Math.max} and PyTorch's max pooling do) and receives the gradient.
 *
 * <p>The common case, a 2x2 maximum with stride 2 and no padding, has a path of its own ({@link #halving}): the four
 * taps are compared without branches (an unpredictable branch per tap cost more than the comparisons), and its
 * gradient writes every input once instead of clearing the input and adding to it.
 */
final class Float64Pooling {

    private Float64Pooling() {
    }

    /** {@code out = pool(x)} for {@code batch} examples; modifies {@code out}. */
    static void forward(PoolOp op, Window2d w, double[] x, double[] out, int batch) {
        if (op == PoolOp.MAX && halving(w)) {
            ElementwiseParts.run(batch * w.channels(), w.height() * w.width(),
                    (from, to) -> halvingMaximum(w, x, out, from, to));
            return;
        }
        generalForward(op, w, x, out, batch);
    }

    /** {@link #forward} without the 2x2 path: the path that {@code ConvolutionTest} checks it against. */
    static void generalForward(PoolOp op, Window2d w, double[] x, double[] out, int batch) {
        int planes = batch * w.channels();
        int plane = w.height() * w.width();
        if (op == PoolOp.MAX && inside(w)) {
            for (int p = 0; p < planes; p++) {
                int o = p * w.positions();
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++, o++) {
                        out[o] = x[maximumInside(w, x, p * plane + oh * w.stride() * w.width() + ow * w.stride())];
                    }
                }
            }
            return;
        }
        for (int p = 0; p < planes; p++) {
            int from = p * plane;
            int o = p * w.positions();
            for (int oh = 0; oh < w.outHeight(); oh++) {
                int top = oh * w.stride() - w.padTop();
                for (int ow = 0; ow < w.outWidth(); ow++, o++) {
                    int left = ow * w.stride() - w.padLeft();
                    if (op == PoolOp.MAX) {
                        int best = maximum(w, x, from, top, left);
                        out[o] = best < 0 ? 0 : x[best];
                    } else {
                        out[o] = (double) (sum(w, x, from, top, left) / w.taps());
                    }
                }
            }
        }
    }

    /** {@code out = dE/dx} from {@code g = dE/d(out)} for {@code batch} examples; modifies {@code out}. */
    static void inputGradient(PoolOp op, Window2d w, double[] x, double[] g, double[] out, int batch) {
        if (op == PoolOp.MAX && halving(w)) {
            ElementwiseParts.run(batch * w.channels(), w.height() * w.width(),
                    (from, to) -> halvingMaximumGradient(w, x, g, out, from, to));
            return;
        }
        generalInputGradient(op, w, x, g, out, batch);
    }

    /** {@link #inputGradient} without the 2x2 path: the path that {@code ConvolutionTest} checks it against. */
    static void generalInputGradient(PoolOp op, Window2d w, double[] x, double[] g, double[] out, int batch) {
        int planes = batch * w.channels();
        int plane = w.height() * w.width();
        Arrays.fill(out, 0, planes * plane, 0);
        if (op == PoolOp.MAX && inside(w)) {
            for (int p = 0; p < planes; p++) {
                int o = p * w.positions();
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++, o++) {
                        out[maximumInside(w, x, p * plane + oh * w.stride() * w.width() + ow * w.stride())] += g[o];
                    }
                }
            }
            return;
        }
        for (int p = 0; p < planes; p++) {
            int from = p * plane;
            int o = p * w.positions();
            for (int oh = 0; oh < w.outHeight(); oh++) {
                int top = oh * w.stride() - w.padTop();
                for (int ow = 0; ow < w.outWidth(); ow++, o++) {
                    int left = ow * w.stride() - w.padLeft();
                    if (op == PoolOp.MAX) {
                        int best = maximum(w, x, from, top, left);
                        if (best >= 0) {
                            out[best] += g[o];
                        }
                    } else {
                        spread(w, out, from, top, left, g[o] / w.taps());
                    }
                }
            }
        }
    }

    /** Whether the window is 2x2 with stride 2, no dilation and no padding: windows tile the input, never overlap. */
    static boolean halving(Window2d w) {
        return w.kernelHeight() == 2 && w.kernelWidth() == 2 && w.stride() == 2 && w.dilation() == 1 && inside(w);
    }

    /**
     * The 2x2 maximum of planes {@code from} (inclusive) to {@code to} (exclusive), as {@code Math.max} of the four
     * taps: the first largest tap's value but for the sign of a zero, without finding which tap it is.
     */
    private static void halvingMaximum(Window2d w, double[] x, double[] out, int from, int to) {
        int width = w.width();
        int plane = w.height() * width;
        for (int p = from, o = from * w.positions(); p < to; p++) {
            for (int oh = 0; oh < w.outHeight(); oh++) {
                int row = p * plane + 2 * oh * width;
                for (int ow = 0, at = row; ow < w.outWidth(); ow++, o++, at += 2) {
                    out[o] = Math.max(Math.max(x[at], x[at + 1]), Math.max(x[at + width], x[at + width + 1]));
                }
            }
        }
    }

    /**
     * Writes every input of the planes: the window's gradient at its first largest tap, zero at its three others and
     * in the last row and column that an odd size leaves out of every window; planes {@code from} (inclusive) to
     * {@code to} (exclusive).
     */
    private static void halvingMaximumGradient(Window2d w, double[] x, double[] g, double[] out, int from, int to) {
        int width = w.width();
        int plane = w.height() * width;
        int covered = 2 * w.outWidth();
        for (int p = from, o = from * w.positions(); p < to; p++) {
            for (int oh = 0; oh < w.outHeight(); oh++) {
                int row = p * plane + 2 * oh * width;
                for (int ow = 0; ow < w.outWidth(); ow++, o++) {
                    int at = row + 2 * ow;
                    double gradient = g[o];
                    out[at] = 0;
                    out[at + 1] = 0;
                    out[at + width] = 0;
                    out[at + width + 1] = 0;
                    out[firstLargestOfFour(x, at, width)] = gradient;
                }
                if (covered < width) {
                    out[row + covered] = 0;
                    out[row + width + covered] = 0;
                }
            }
            int end = (p + 1) * plane;
            int uncovered = p * plane + 2 * w.outHeight() * width;
            Arrays.fill(out, uncovered, end, 0);
        }
    }

    /**
     * The index of the first largest of the 2x2 window whose top left tap is {@code x[at]} (rows {@code width}
     * apart), computed from 0/1 ints without branches: the largest of each row, then of the two rows.
     * {@code Math.max} gives each row's largest value for the second comparison; it differs from the chosen tap's only
     * in the sign of a zero, which comparisons ignore, and it is NaN exactly when the row holds one.
     */
    private static int firstLargestOfFour(double[] x, int at, int width) {
        double topLeft = x[at];
        double topRight = x[at + 1];
        double bottomLeft = x[at + width];
        double bottomRight = x[at + width + 1];
        int right = replaces(topRight, topLeft);
        int bottomRightWins = replaces(bottomRight, bottomLeft);
        int bottom = replaces(Math.max(bottomLeft, bottomRight), Math.max(topLeft, topRight));
        return at + right + bottom * (width + bottomRightWins - right);
    }

    /**
     * 1 when a later tap {@code candidate} replaces the largest so far (it is larger, or it is the first NaN), else 0.
     * Each comparison becomes a 0/1 int and they combine by arithmetic: the boolean form compiled to branches, which
     * the random order of a layer's values mispredicts.
     */
    private static int replaces(double candidate, double largest) {
        return bit(candidate > largest) | bit(candidate != candidate) & bit(largest == largest);
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }

    /** Whether every window lies inside the input: no padding, so no tap needs a bounds check. */
    private static boolean inside(Window2d w) {
        return w.padTop() == 0 && w.padLeft() == 0;
    }

    /** The index of the first largest input of a window without padding whose first tap is {@code x[corner]}. */
    private static int maximumInside(Window2d w, double[] x, int corner) {
        int best = corner;
        double largest = x[corner];
        int rowStep = w.dilation() * w.width();
        for (int kh = 0, row = corner; kh < w.kernelHeight(); kh++, row += rowStep) {
            for (int kw = 0, at = row; kw < w.kernelWidth(); kw++, at += w.dilation()) {
                if (replaces(x[at], largest) != 0) {
                    largest = x[at];
                    best = at;
                }
            }
        }
        return best;
    }

    /** The index of the first largest input of the window at {@code (top, left)}, or -1 if it is all padding. */
    private static int maximum(Window2d w, double[] x, int from, int top, int left) {
        int best = -1;
        for (int kh = first(top, w.dilation()); kh < end(top, w.dilation(), w.height(), w.kernelHeight()); kh++) {
            int row = from + (top + kh * w.dilation()) * w.width() + left;
            for (int kw = first(left, w.dilation()); kw < end(left, w.dilation(), w.width(), w.kernelWidth()); kw++) {
                int at = row + kw * w.dilation();
                if (best < 0 || replaces(x[at], x[best]) != 0) {
                    best = at;
                }
            }
        }
        return best;
    }

    private static /* wide */ double sum(Window2d w, double[] x, int from, int top, int left) {
        /* wide */ double sum = 0;
        for (int kh = first(top, w.dilation()); kh < end(top, w.dilation(), w.height(), w.kernelHeight()); kh++) {
            int row = from + (top + kh * w.dilation()) * w.width() + left;
            for (int kw = first(left, w.dilation()); kw < end(left, w.dilation(), w.width(), w.kernelWidth()); kw++) {
                sum += x[row + kw * w.dilation()];
            }
        }
        return sum;
    }

    private static void spread(Window2d w, double[] out, int from, int top, int left, double share) {
        for (int kh = first(top, w.dilation()); kh < end(top, w.dilation(), w.height(), w.kernelHeight()); kh++) {
            int row = from + (top + kh * w.dilation()) * w.width() + left;
            for (int kw = first(left, w.dilation()); kw < end(left, w.dilation(), w.width(), w.kernelWidth()); kw++) {
                out[row + kw * w.dilation()] += share;
            }
        }
    }

    /** The first tap {@code k} whose input {@code start + k * dilation} is not before the input's first row. */
    private static int first(int start, int dilation) {
        return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
    }

    /** One past the last tap whose input {@code start + k * dilation} lies before {@code size}. */
    private static int end(int start, int dilation, int size, int kernel) {
        int last = size - 1 - start;
        return last < 0 ? 0 : Math.min(kernel, last / dilation + 1);
    }
}

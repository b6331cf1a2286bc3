package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;
import java.util.Arrays;

/**
 * FLOAT64 pooling by direct loops, window by window over each channel of each example (see
 * {@code TensorBackend.pool2d}); a maximum's gradient goes to the first largest input in window order, found again from
 * the input, so that nothing is kept between the passes.
 */
final class Float64Pooling {

    private Float64Pooling() {
    }

    /** {@code out = pool(x)} for {@code batch} examples; modifies {@code out}. */
    static void forward(PoolOp op, Window2d w, double[] x, double[] out, int batch) {
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
                if (x[at] > largest) {
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
        for (int kh = 0; kh < w.kernelHeight(); kh++) {
            int ih = top + kh * w.dilation();
            if (ih < 0 || ih >= w.height()) {
                continue;
            }
            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                int iw = left + kw * w.dilation();
                if (iw >= 0 && iw < w.width()) {
                    int at = from + ih * w.width() + iw;
                    if (best < 0 || x[at] > x[best]) {
                        best = at;
                    }
                }
            }
        }
        return best;
    }

    private static /* wide */ double sum(Window2d w, double[] x, int from, int top, int left) {
        /* wide */ double sum = 0;
        for (int kh = 0; kh < w.kernelHeight(); kh++) {
            int ih = top + kh * w.dilation();
            if (ih < 0 || ih >= w.height()) {
                continue;
            }
            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                int iw = left + kw * w.dilation();
                if (iw >= 0 && iw < w.width()) {
                    sum += x[from + ih * w.width() + iw];
                }
            }
        }
        return sum;
    }

    private static void spread(Window2d w, double[] out, int from, int top, int left, double share) {
        for (int kh = 0; kh < w.kernelHeight(); kh++) {
            int ih = top + kh * w.dilation();
            if (ih < 0 || ih >= w.height()) {
                continue;
            }
            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                int iw = left + kw * w.dilation();
                if (iw >= 0 && iw < w.width()) {
                    out[from + ih * w.width() + iw] += share;
                }
            }
        }
    }
}

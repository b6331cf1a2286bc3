package dev.chainrule.core.tensor;

/**
 * The sliding-window operations computed by direct loops over host arrays: what {@link TensorBackend}'s default
 * methods run for a backend that has no faster way, and the definition of what each operation means.
 */
final class HostWindows {

    private HostWindows() {
    }

    /** {@code out[n][f][p] = bias[f] + sum over c, kh, kw of kernel[f][c][kh][kw] x[n][c][at(p, kh, kw)]}. */
    static double[] convolution(Window2d w, double[] x, double[] kernel, double[] bias, int batch, int filters) {
        double[] out = new double[batch * filters * w.positions()];
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double sum = bias[f];
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    int at = input(w, n, c, oh, ow, kh, kw);
                                    if (at >= 0) {
                                        sum += kernel[(f * w.channels() + c) * w.taps() + kh * w.kernelWidth() + kw]
                                                * x[at];
                                    }
                                }
                            }
                        }
                        out[((n * filters + f) * w.outHeight() + oh) * w.outWidth() + ow] = sum;
                    }
                }
            }
        }
        return out;
    }

    /** {@code dE/dx} of a convolution from {@code dE/d(out)} ({@code g}). */
    static double[] convolutionInputGradient(Window2d w, double[] g, double[] kernel, int batch, int filters) {
        double[] out = new double[batch * w.inputSize()];
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double gradient = g[((n * filters + f) * w.outHeight() + oh) * w.outWidth() + ow];
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    int at = input(w, n, c, oh, ow, kh, kw);
                                    if (at >= 0) {
                                        out[at] += kernel[(f * w.channels() + c) * w.taps() + kh * w.kernelWidth()
                                                + kw] * gradient;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code dE/d(kernel)} into {@code kernelOut} and {@code dE/d(bias)} into {@code biasOut}, summed over the batch. */
    static void convolutionKernelGradient(Window2d w, double[] x, double[] g, int batch, int filters,
            double[] kernelOut, double[] biasOut) {
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double gradient = g[((n * filters + f) * w.outHeight() + oh) * w.outWidth() + ow];
                        biasOut[f] += gradient;
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    int at = input(w, n, c, oh, ow, kh, kw);
                                    if (at >= 0) {
                                        kernelOut[(f * w.channels() + c) * w.taps() + kh * w.kernelWidth() + kw] +=
                                                gradient * x[at];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Each channel's windows pooled by {@code op}. */
    static double[] pool(PoolOp op, Window2d w, double[] x, int batch) {
        double[] out = new double[batch * w.channels() * w.positions()];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < w.channels(); c++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        int o = ((n * w.channels() + c) * w.outHeight() + oh) * w.outWidth() + ow;
                        if (op == PoolOp.MAX) {
                            int best = maximum(w, x, n, c, oh, ow);
                            out[o] = best < 0 ? 0 : x[best];
                        } else {
                            double sum = 0;
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    int at = input(w, n, c, oh, ow, kh, kw);
                                    sum += at < 0 ? 0 : x[at];
                                }
                            }
                            out[o] = sum / w.taps();
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code dE/dx} of a pooling from {@code dE/d(out)} ({@code g}). */
    static double[] poolInputGradient(PoolOp op, Window2d w, double[] x, double[] g, int batch) {
        double[] out = new double[batch * w.inputSize()];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < w.channels(); c++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double gradient = g[((n * w.channels() + c) * w.outHeight() + oh) * w.outWidth() + ow];
                        if (op == PoolOp.MAX) {
                            int best = maximum(w, x, n, c, oh, ow);
                            if (best >= 0) {
                                out[best] += gradient;
                            }
                        } else {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    int at = input(w, n, c, oh, ow, kh, kw);
                                    if (at >= 0) {
                                        out[at] += gradient / w.taps();
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The index in {@code x} of the first largest value of a window, or -1 when it covers only padding. */
    private static int maximum(Window2d w, double[] x, int n, int c, int oh, int ow) {
        int best = -1;
        for (int kh = 0; kh < w.kernelHeight(); kh++) {
            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                int at = input(w, n, c, oh, ow, kh, kw);
                if (at >= 0 && (best < 0 || x[at] > x[best])) {
                    best = at;
                }
            }
        }
        return best;
    }

    /** The index in {@code x} that output {@code (oh, ow)} reads at tap {@code (kh, kw)}, or -1 in the padding. */
    private static int input(Window2d w, int n, int c, int oh, int ow, int kh, int kw) {
        int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
        int iw = ow * w.stride() - w.padLeft() + kw * w.dilation();
        if (ih < 0 || ih >= w.height() || iw < 0 || iw >= w.width()) {
            return -1;
        }
        return ((n * w.channels() + c) * w.height() + ih) * w.width() + iw;
    }
}

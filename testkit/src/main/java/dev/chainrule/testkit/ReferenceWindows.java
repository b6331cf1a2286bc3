package dev.chainrule.testkit;

import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;

/**
 * The sliding-window operations as naive loops over explicitly padded images, written independently of every backend:
 * each example is first copied into a zero-padded (or, for a maximum, minus-infinity-padded) image large enough for
 * every window, then every output is the sum or maximum of its taps read straight from it.
 */
final class ReferenceWindows {

    private ReferenceWindows() {
    }

    /** The padded image's rows: room for the last window's last tap. */
    private static int paddedHeight(Window2d w) {
        return Math.max(w.height() + w.padTop(), (w.outHeight() - 1) * w.stride() + (w.kernelHeight() - 1)
                * w.dilation() + 1);
    }

    private static int paddedWidth(Window2d w) {
        return Math.max(w.width() + w.padLeft(), (w.outWidth() - 1) * w.stride() + (w.kernelWidth() - 1)
                * w.dilation() + 1);
    }

    /** Example {@code n} as {@code [channel][row][column]} of the padded image, {@code fill} in the padding. */
    private static double[][][] padded(Window2d w, double[] x, int n, double fill) {
        double[][][] image = new double[w.channels()][paddedHeight(w)][paddedWidth(w)];
        for (int c = 0; c < w.channels(); c++) {
            for (double[] row : image[c]) {
                java.util.Arrays.fill(row, fill);
            }
            for (int h = 0; h < w.height(); h++) {
                for (int v = 0; v < w.width(); v++) {
                    image[c][h + w.padTop()][v + w.padLeft()] = x[((n * w.channels() + c) * w.height() + h)
                            * w.width() + v];
                }
            }
        }
        return image;
    }

    private static int row(Window2d w, int oh, int kh) {
        return oh * w.stride() + kh * w.dilation();
    }

    private static int column(Window2d w, int ow, int kw) {
        return ow * w.stride() + kw * w.dilation();
    }

    private static double kernel(Window2d w, double[] k, int f, int c, int kh, int kw) {
        return k[((f * w.channels() + c) * w.kernelHeight() + kh) * w.kernelWidth() + kw];
    }

    static double[] convolution(Window2d w, double[] x, double[] k, double[] bias, int batch, int filters) {
        double[] out = new double[batch * filters * w.positions()];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            double[][][] image = padded(w, x, n, 0);
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double sum = bias[f];
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    sum += kernel(w, k, f, c, kh, kw) * image[c][row(w, oh, kh)][column(w, ow, kw)];
                                }
                            }
                        }
                        out[o++] = sum;
                    }
                }
            }
        }
        return out;
    }

    /** The input gradient: each output's gradient times the kernel, added onto the padded image, then cropped. */
    static double[] convolutionInputGradient(Window2d w, double[] g, double[] k, int batch, int filters) {
        double[] out = new double[batch * w.inputSize()];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            double[][][] image = new double[w.channels()][paddedHeight(w)][paddedWidth(w)];
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double gradient = g[o++];
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    image[c][row(w, oh, kh)][column(w, ow, kw)] += gradient
                                            * kernel(w, k, f, c, kh, kw);
                                }
                            }
                        }
                    }
                }
            }
            crop(w, image, out, n);
        }
        return out;
    }

    /** The kernel gradient followed by the bias gradient, summed over the batch. */
    static double[] convolutionKernelGradient(Window2d w, double[] x, double[] g, int batch, int filters) {
        int kernelSize = filters * w.patchSize();
        double[] out = new double[kernelSize + filters];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            double[][][] image = padded(w, x, n, 0);
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double gradient = g[o++];
                        out[kernelSize + f] += gradient;
                        for (int c = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                    out[((f * w.channels() + c) * w.kernelHeight() + kh) * w.kernelWidth() + kw] +=
                                            gradient * image[c][row(w, oh, kh)][column(w, ow, kw)];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static double[] pool(PoolOp op, Window2d w, double[] x, int batch) {
        double[] out = new double[batch * w.channels() * w.positions()];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            double[][][] image = padded(w, x, n, op == PoolOp.MAX ? Double.NEGATIVE_INFINITY : 0);
            for (int c = 0; c < w.channels(); c++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double result = op == PoolOp.MAX ? Double.NEGATIVE_INFINITY : 0;
                        for (int kh = 0; kh < w.kernelHeight(); kh++) {
                            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                double value = image[c][row(w, oh, kh)][column(w, ow, kw)];
                                result = op == PoolOp.MAX ? Math.max(result, value) : result + value;
                            }
                        }
                        out[o++] = op == PoolOp.MAX ? result : result / w.taps();
                    }
                }
            }
        }
        return out;
    }

    /** The pooling's input gradient; a maximum's goes to its first largest tap in window order. */
    static double[] poolInputGradient(PoolOp op, Window2d w, double[] x, double[] g, int batch) {
        double[] out = new double[batch * w.inputSize()];
        int o = 0;
        for (int n = 0; n < batch; n++) {
            double[][][] image = padded(w, x, n, Double.NEGATIVE_INFINITY);
            double[][][] gradient = new double[w.channels()][paddedHeight(w)][paddedWidth(w)];
            for (int c = 0; c < w.channels(); c++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        double upstream = g[o++];
                        int bestRow = -1;
                        int bestColumn = -1;
                        for (int kh = 0; kh < w.kernelHeight(); kh++) {
                            for (int kw = 0; kw < w.kernelWidth(); kw++) {
                                int r = row(w, oh, kh);
                                int v = column(w, ow, kw);
                                if (op == PoolOp.AVERAGE) {
                                    gradient[c][r][v] += upstream / w.taps();
                                } else if (bestRow < 0 || image[c][r][v] > image[c][bestRow][bestColumn]) {
                                    bestRow = r;
                                    bestColumn = v;
                                }
                            }
                        }
                        if (op == PoolOp.MAX) {
                            gradient[c][bestRow][bestColumn] += upstream;
                        }
                    }
                }
            }
            crop(w, gradient, out, n);
        }
        return out;
    }

    private static void crop(Window2d w, double[][][] image, double[] out, int n) {
        for (int c = 0; c < w.channels(); c++) {
            for (int h = 0; h < w.height(); h++) {
                for (int v = 0; v < w.width(); v++) {
                    out[((n * w.channels() + c) * w.height() + h) * w.width() + v] = image[c][h + w.padTop()][v
                            + w.padLeft()];
                }
            }
        }
    }
}

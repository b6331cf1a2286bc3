package dev.chainrule.core.tensor;

/**
 * Where a sliding window (a convolution's kernel, a pooling window) goes over one example arranged as
 * {@code channels x height x width}, row-major with the channel outermost, and what it makes: one value per output
 * position {@code outHeight x outWidth}. Output position {@code (oh, ow)} reads input row
 * {@code oh * stride - padTop + kh * dilation} and column {@code ow * stride - padLeft + kw * dilation} for each kernel
 * offset {@code (kh, kw)}; a position outside the input is padding (zero for a convolution, left out of a maximum).
 * Create one with {@link #of} (explicit padding on every side) or {@link #same} (the output keeps
 * {@code ceil(size / stride)}, padding split with the extra row or column at the bottom and right, as PyTorch and
 * TensorFlow do).
 *
 * @param channels     input channels, at least 1
 * @param height       input rows, at least 1
 * @param width        input columns, at least 1
 * @param kernelHeight window rows, at least 1
 * @param kernelWidth  window columns, at least 1
 * @param stride       step between windows, at least 1, along both axes
 * @param padTop       padding rows above the input, at least 0
 * @param padLeft      padding columns left of the input, at least 0
 * @param dilation     step between a window's taps, at least 1, along both axes
 * @param outHeight    output rows, at least 1
 * @param outWidth     output columns, at least 1
 */
public record Window2d(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride, int padTop,
        int padLeft, int dilation, int outHeight, int outWidth) {

    public Window2d {
        if (channels < 1 || height < 1 || width < 1 || kernelHeight < 1 || kernelWidth < 1 || stride < 1
                || padTop < 0 || padLeft < 0 || dilation < 1 || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("a window needs positive sizes, strides and dilations and padding >= 0, "
                    + "got " + describe(channels, height, width, kernelHeight, kernelWidth, stride, dilation)
                    + ", padding " + padTop + "/" + padLeft + ", output " + outHeight + "x" + outWidth);
        }
        if ((long) channels * kernelHeight * kernelWidth > Integer.MAX_VALUE
                || (long) channels * outHeight * outWidth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a window of " + kernelHeight + "x" + kernelWidth + " over " + channels
                    + " channels with an output of " + outHeight + "x" + outWidth + " has too many numbers");
        }
    }

    /**
     * A window with {@code padding} rows and columns of padding on every side.
     *
     * @throws IllegalArgumentException when the window does not fit the padded input once, naming both
     */
    public static Window2d of(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride,
            int padding, int dilation) {
        long outHeight = outputSize(height, kernelHeight, stride, padding + padding, dilation);
        long outWidth = outputSize(width, kernelWidth, stride, padding + padding, dilation);
        if (padding < 0 || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("a " + describe(channels, height, width, kernelHeight, kernelWidth,
                    stride, dilation) + " with padding " + padding + " does not fit: the window spans "
                    + span(kernelHeight, dilation) + "x" + span(kernelWidth, dilation) + " but the padded input is "
                    + ((long) height + 2L * padding) + "x" + ((long) width + 2L * padding));
        }
        return new Window2d(channels, height, width, kernelHeight, kernelWidth, stride, padding, padding, dilation,
                (int) outHeight, (int) outWidth);
    }

    /** A window padded so that the output has {@code ceil(height / stride) x ceil(width / stride)} positions. */
    public static Window2d same(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride,
            int dilation) {
        if (stride < 1 || dilation < 1 || kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("a window needs positive sizes, strides and dilations, got "
                    + describe(channels, height, width, kernelHeight, kernelWidth, stride, dilation));
        }
        int outHeight = (height + stride - 1) / stride;
        int outWidth = (width + stride - 1) / stride;
        long padHeight = Math.max(0, (outHeight - 1L) * stride + span(kernelHeight, dilation) - height);
        long padWidth = Math.max(0, (outWidth - 1L) * stride + span(kernelWidth, dilation) - width);
        if (padHeight > Integer.MAX_VALUE || padWidth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + describe(channels, height, width, kernelHeight, kernelWidth,
                    stride, dilation) + " needs too much padding");
        }
        return new Window2d(channels, height, width, kernelHeight, kernelWidth, stride, (int) padHeight / 2,
                (int) padWidth / 2, dilation, outHeight, outWidth);
    }

    /** Numbers per input example: {@code channels * height * width}. */
    public int inputSize() {
        return channels * height * width;
    }

    /** Output positions per channel: {@code outHeight * outWidth}. */
    public int positions() {
        return outHeight * outWidth;
    }

    /** Numbers one window reads: {@code channels * kernelHeight * kernelWidth}, a convolution's fan-in. */
    public int patchSize() {
        return channels * kernelHeight * kernelWidth;
    }

    /** Taps per channel: {@code kernelHeight * kernelWidth}. */
    public int taps() {
        return kernelHeight * kernelWidth;
    }

    private static long outputSize(int size, int kernel, int stride, long padding, int dilation) {
        if (stride < 1 || dilation < 1 || kernel < 1) {
            return 0;
        }
        long room = size + padding - span(kernel, dilation);
        return room < 0 ? 0 : room / stride + 1;
    }

    private static long span(int kernel, int dilation) {
        return (long) dilation * (kernel - 1) + 1;
    }

    private static String describe(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride,
            int dilation) {
        return kernelHeight + "x" + kernelWidth + " window (stride " + stride + ", dilation " + dilation + ") over a "
                + channels + "x" + height + "x" + width + " input";
    }

    @Override
    public String toString() {
        return describe(channels, height, width, kernelHeight, kernelWidth, stride, dilation) + ", padding " + padTop
                + "/" + padLeft + " -> " + outHeight + "x" + outWidth;
    }
}

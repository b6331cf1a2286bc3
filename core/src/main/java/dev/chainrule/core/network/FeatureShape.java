package dev.chainrule.core.network;

/**
 * What one example looks like at a layer's input or output. Tensors stay two-dimensional, one example per row, so an
 * example is always a row of {@link #size()} numbers; a layer that cares how they are arranged (a convolution) reads
 * them as {@code channels x height x width}, row-major with the channel outermost. A plain feature vector is
 * {@linkplain #flat flat}: its numbers are channels of a single {@code 1 x 1} position.
 *
 * @param channels at least 1
 * @param height   at least 1
 * @param width    at least 1
 */
public record FeatureShape(int channels, int height, int width) {

    public FeatureShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a feature shape needs at least one channel, row and column, got "
                    + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a feature shape of " + channels + "x" + height + "x" + width
                    + " has more than " + Integer.MAX_VALUE + " numbers per example");
        }
    }

    /** A plain vector of {@code features} numbers. */
    public static FeatureShape flat(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("an example needs at least one feature, got " + features);
        }
        return new FeatureShape(features, 1, 1);
    }

    /** The numbers per example: {@code channels * height * width}, the width of a batch's rows. */
    public int size() {
        return channels * height * width;
    }

    /** Whether this is a plain vector, with no spatial arrangement. */
    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    /** {@code 784} for a flat shape, {@code 1x28x28} otherwise. */
    @Override
    public String toString() {
        return isFlat() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}

package dev.chainrule.onnx;

import java.util.Arrays;

/**
 * A per-feature affine map saved with a model: at the input, raw feature {@code x} becomes {@code (x - offset) / scale}
 * before the network sees it; at the output, network output {@code y} becomes {@code y * scale + offset} (a regression
 * target in its own units). An exported model includes it as operators, so that it takes and gives what
 * {@code predict} does.
 *
 * @param offset one value per feature
 * @param scale  one value per feature, finite and not zero
 */
public record Standardization(double[] offset, double[] scale) {

    public Standardization {
        if (offset.length != scale.length || offset.length == 0) {
            throw new IllegalArgumentException("a standardization needs as many offsets as scales, at least one; got "
                    + offset.length + " offsets and " + scale.length + " scales");
        }
        for (int i = 0; i < scale.length; i++) {
            if (!Double.isFinite(offset[i]) || !Double.isFinite(scale[i]) || scale[i] == 0) {
                throw new IllegalArgumentException("standardization feature " + i + " has offset " + offset[i]
                        + " and scale " + scale[i] + "; both must be finite and the scale not zero");
            }
        }
        offset = offset.clone();
        scale = scale.clone();
    }

    /** The number of features it maps. */
    public int size() {
        return offset.length;
    }

    /** Whether it changes nothing: offsets 0 and scales 1. */
    public boolean isIdentity() {
        return Arrays.stream(offset).allMatch(value -> value == 0) && Arrays.stream(scale).allMatch(value -> value == 1);
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardization that && Arrays.equals(offset, that.offset)
                && Arrays.equals(scale, that.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardization[" + offset.length + " features]";
    }
}

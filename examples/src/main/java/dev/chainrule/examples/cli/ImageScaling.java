package dev.chainrule.examples.cli;

import java.util.Locale;

/**
 * How the pixels of an image data set become network inputs ({@code train --image-scaling}); saved in the model file
 * so that {@code evaluate} and {@code predict} see what training saw.
 */
enum ImageScaling {

    /** Every pixel divided by the largest pixel value (inputs in [0, 1]); files without the entry were written so. */
    MAX,

    /** Every pixel position standardised to mean 0 and standard deviation 1 over the training rows. */
    STANDARDISE;

    /** The model file's metadata key. */
    static final String KEY = "image_scaling";

    /** The name on the command line and in model files. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scaling called {@code label}. */
    static ImageScaling fromLabel(String label) {
        for (ImageScaling scaling : values()) {
            if (scaling.label().equals(label)) {
                return scaling;
            }
        }
        throw new IllegalArgumentException(KEY + " is '" + label + "'; valid: max, standardise");
    }
}

package dev.chainrule.core.tensor;

/** The element type of a tensor. */
public enum DType {
    /** 32-bit IEEE floats: the type for training speed. */
    FLOAT32,
    /** 64-bit IEEE floats: the type for gradient checks and reference runs. */
    FLOAT64;

    /** The name used in specs and model files: {@code float32} or {@code float64}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

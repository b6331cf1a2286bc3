package dev.chainrule.core.tensor;

import java.util.Objects;

/**
 * A trainable tensor of a network, with a name that says where it lives ({@code layer 2 weights}) and what kind of
 * parameter it is, so that training can treat kinds differently (L1 and L2 penalties apply to weights only, by
 * default).
 *
 * @param name  where the parameter lives, for messages and model files
 * @param value the values; optimizers update it in place
 * @param kind  what the parameter is
 */
public record Parameter(String name, Tensor value, Kind kind) {

    /** What a parameter is. */
    public enum Kind {
        /** A layer's connection weights. */
        WEIGHT,
        /** A layer's bias. */
        BIAS,
        /** Anything else, such as a trainable activation parameter. */
        OTHER
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    /** A parameter of kind {@link Kind#OTHER}. */
    public Parameter(String name, Tensor value) {
        this(name, value, Kind.OTHER);
    }
}

package dev.chainrule.core.initializer;

import dev.chainrule.core.plugin.Arguments;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which fan a variance-scaling initializer divides by; written {@code fan_in}, {@code fan_out} or {@code fan_avg}. */
public enum FanMode {
    /** The fan-in: keeps the variance of activations in the forward pass. */
    FAN_IN,
    /** The fan-out: keeps the variance of gradients in the backward pass. */
    FAN_OUT,
    /** The mean of both (Glorot's compromise). */
    FAN_AVG;

    /** The spelling in specs: {@code fan_in}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads parameter {@code name} as one of {@code allowed}, {@code defaultMode} if absent. */
    public static FanMode read(Arguments arguments, String name, FanMode defaultMode, FanMode... allowed) {
        List<String> labels = Arrays.stream(allowed).map(FanMode::label).toList();
        return valueOf(arguments.choice(name, defaultMode.label(), labels).toUpperCase(Locale.ROOT));
    }
}

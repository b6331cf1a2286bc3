package dev.chainrule.onnx;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an export writes besides the network.
 *
 * @param input    how raw rows become network inputs ({@code (x - offset) / scale}), written as the graph's first
 *                 operators so that the model takes raw rows; empty when the network takes its inputs as they are
 * @param output   how network outputs become results ({@code y * scale + offset}, a regression target's units),
 *                 written as the graph's last operators; empty for none
 * @param metadata entries for the model's {@code metadata_props} (the model file's metadata: classes, task, ...)
 */
public record ExportOptions(Optional<Standardization> input, Optional<Standardization> output,
        Map<String, String> metadata) {

    public ExportOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        metadata = Map.copyOf(new TreeMap<>(metadata));
    }

    /** The network alone, no preprocessing nor metadata. */
    public static ExportOptions none() {
        return new ExportOptions(Optional.empty(), Optional.empty(), Map.of());
    }
}

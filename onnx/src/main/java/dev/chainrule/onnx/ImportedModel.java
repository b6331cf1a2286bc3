package dev.chainrule.onnx;

import dev.chainrule.core.network.Network;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ONNX file gave: the network, the input and output standardization found around it (a model Chainrule
 * exported with its preprocessing), and the model's {@code metadata_props}.
 *
 * @param network  the imported network
 * @param input    the leading {@code (x - offset) / scale} of the graph, if it had one
 * @param output   the trailing {@code y * scale + offset} of the graph, if it had one
 * @param metadata the model's metadata entries
 */
public record ImportedModel(Network network, Optional<Standardization> input, Optional<Standardization> output,
        Map<String, String> metadata) {

    public ImportedModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        metadata = Map.copyOf(metadata);
    }
}

package dev.chainrule.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the user describes a network: {@code --layers} and {@code --output}, or {@code --network FILE}. */
final class NetworkOptions {

    @Option(names = "--layers", paramLabel = "UNITS:ACTIVATION,...",
            description = "Hidden layers, first to last, each with its own activation, for example "
                    + "256:tanh,128:sigmoid,64:relu. Default: " + NetworkDefinition.SEED_LAYERS + ".")
    String layers;

    @Option(names = "--output", paramLabel = "ACTIVATION",
            description = "The output layer's activation. Default: softmax for classification, identity for "
                    + "regression.")
    String output;

    @Option(names = "--network", paramLabel = "FILE",
            description = "Read the layers (and output) from a JSON or YAML file instead.")
    Path file;

    /** The described network; a malformed description is a usage error. */
    NetworkDefinition definition() throws IOException {
        if (file != null) {
            if (layers != null) {
                throw new UsageException("give the layers either with --layers or in --network " + file + ", not both");
            }
            NetworkDefinition fromFile;
            try {
                fromFile = NetworkFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return output == null ? fromFile : new NetworkDefinition(fromFile.hidden(), Optional.of(output));
        }
        return UsageException.check(() -> new NetworkDefinition(
                LayerSpec.parseList(layers == null ? NetworkDefinition.SEED_LAYERS : layers), Optional.ofNullable(output)));
    }
}

package dev.chainrule.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the user describes a network: {@code --layers} and {@code --output}, or {@code --network FILE}. */
final class NetworkOptions {

    @Option(names = "--layers", paramLabel = "LAYER,...",
            description = "Hidden layers, first to last: dense layers as UNITS:ACTIVATION (optionally :init=SPEC), "
                    + "any other layer by its spec, for example 256:relu,batch_norm,dropout(0.2),128:tanh:init="
                    + "orthogonal. Default: " + NetworkDefinition.SEED_LAYERS + ".")
    String layers;

    @Option(names = "--init", paramLabel = "SPEC",
            description = "The weight initializer of every dense layer that names none, for example glorot_normal. "
                    + "Default: each activation's recommendation (he_normal for the ReLU family, lecun_normal for "
                    + "selu, glorot_uniform otherwise).")
    String initializer;

    @Option(names = "--output", paramLabel = "ACTIVATION",
            description = "The output layer's activation. Default: softmax for classification, identity for "
                    + "regression.")
    String output;

    @Option(names = "--input-shape", paramLabel = "CxHxW",
            description = "What each example looks like, channels first, for convolutions: 1x28x28 for 28x28 grey "
                    + "images. Default: the data's own (Fashion-MNIST: 1x28x28), else a flat row of its features.")
    String inputShape;

    @Option(names = "--network", paramLabel = "FILE",
            description = "Read the layers (and output) from a JSON or YAML file instead.")
    Path file;

    /** The described network; a malformed description is a usage error. */
    NetworkDefinition definition() throws IOException {
        NetworkDefinition described = described();
        return inputShape == null ? described
                : described.withInput(Optional.of(NetworkDefinition.parseShape(inputShape, "--input-shape")));
    }

    private NetworkDefinition described() throws IOException {
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
            return new NetworkDefinition(fromFile.hidden(), output == null ? fromFile.output() : Optional.of(output),
                    initializer == null ? fromFile.initializer() : Optional.of(initializer), fromFile.input());
        }
        return UsageException.check(() -> new NetworkDefinition(
                LayerSpec.parseList(layers == null ? NetworkDefinition.SEED_LAYERS : layers), Optional.ofNullable(output),
                Optional.ofNullable(initializer)));
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A model file loaded for a command, with the tool's metadata read.
 *
 * @param network the network
 * @param info    the tool's metadata, or what can be inferred without it
 */
record LoadedModel(Network network, ModelInfo info) {

    /**
     * Loads {@code file} (a model file, or an ONNX model if it is named {@code .onnx}) on {@code chainrule}'s backend; {@code dtype} converts the parameters, or {@code null} keeps
     * the saved one. A missing, corrupt or incompatible file is an {@link IOException} that says which.
     */
    static LoadedModel load(Path file, Chainrule chainrule, DType dtype) throws IOException {
        if (OnnxFiles.isOnnx(file)) {
            return OnnxFiles.load(file, chainrule, dtype);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--model " + file + " is a folder, not a model file; name the model "
                    + "file in it, for example " + file.resolve("model.crm"));
        }
        SavedModel saved = dtype == null
                ? ModelFile.load(file, chainrule.backend(), chainrule.plugins())
                : ModelFile.load(file, chainrule.backend(), chainrule.plugins(), dtype);
        return new LoadedModel(saved.network(), ModelInfo.of(saved, file.toString()));
    }
}

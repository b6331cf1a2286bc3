package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.examples.data.Task;
import dev.chainrule.onnx.ExportOptions;
import dev.chainrule.onnx.ImportedModel;
import dev.chainrule.onnx.OnnxImporter;
import dev.chainrule.onnx.Standardization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tool's side of ONNX: a model's preprocessing and metadata become the ONNX model's standardization operators and
 * metadata, and back, so that an exported model takes raw rows and an imported one evaluates and predicts like a
 * model file.
 */
final class OnnxFiles {

    private static final String[] IN_THE_GRAPH = {"feature_offset", "feature_scale", "target_offset", "target_scale"};

    private OnnxFiles() {
    }

    /** Whether {@code file} is named as an ONNX model ({@code .onnx}). */
    static boolean isOnnx(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** Reads an ONNX model as the tool's commands read a model file. */
    static LoadedModel load(Path file, Chainrule chainrule, DType dtype) throws IOException {
        SavedModel saved = read(file, chainrule, dtype);
        return new LoadedModel(saved.network(), ModelInfo.of(saved, file.toString()));
    }

    /** An ONNX model as a network and the tool's metadata, its standardization turned back into preprocessing. */
    static SavedModel read(Path file, Chainrule chainrule, DType dtype) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        ImportedModel imported = new OnnxImporter(chainrule.backend(), chainrule.plugins()).load(file, dtype);
        Map<String, String> metadata = new LinkedHashMap<>(imported.metadata());
        imported.input().ifPresent(input -> {
            metadata.put("feature_offset", numbers(input.offset()));
            metadata.put("feature_scale", numbers(input.scale()));
        });
        imported.output().ifPresent(output -> {
            metadata.put("target_offset", Double.toString(output.offset()[0]));
            metadata.put("target_scale", Double.toString(output.scale()[0]));
        });
        return new SavedModel(imported.network(), metadata);
    }

    /** What an export of a model with {@code info} and {@code metadata} writes besides the network. */
    static ExportOptions exportOptions(ModelInfo info, Map<String, String> metadata) {
        Preprocessing preprocessing = info.preprocessing();
        Standardization input = new Standardization(preprocessing.featureOffset(), preprocessing.featureScale());
        Optional<Standardization> output = info.task() == Task.REGRESSION
                && (preprocessing.targetOffset() != 0 || preprocessing.targetScale() != 1)
                ? Optional.of(new Standardization(new double[] {preprocessing.targetOffset()},
                        new double[] {preprocessing.targetScale()}))
                : Optional.empty();
        Map<String, String> rest = new LinkedHashMap<>(metadata);
        Arrays.stream(IN_THE_GRAPH).forEach(rest::remove);
        return new ExportOptions(input.isIdentity() ? Optional.empty() : Optional.of(input), output, rest);
    }

    private static String numbers(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.AtomicFiles;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.onnx.OnnxExporter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a model file as an ONNX model that takes raw rows (its preprocessing included as operators). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a model as ONNX (opset 17, the model's dtype, dynamic batch), its preprocessing "
            + "included, so that ONNX Runtime and other ONNX tools take the raw rows that 'predict' takes."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file (.crm).")
    private Path model;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "FORMAT",
            description = "The format to write: onnx. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the ONNX model.")
    private Path out;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("onnx")) {
            throw new UsageException("unknown --format '" + format + "'; the formats are: onnx");
        }
        if (!Files.exists(model)) {
            throw new NoSuchFileException(model.toString());
        }
        Chainrule chainrule = backend.chainrule();
        SavedModel saved = ModelFile.load(model, chainrule.backend(), chainrule.plugins());
        ModelInfo info = ModelInfo.of(saved, model.toString());
        AtomicFiles.removeStaleTemporaries(out);
        new OnnxExporter().save(saved.network(), OnnxFiles.exportOptions(info, saved.metadata()), out);
        spec.commandLine().getOut().println("wrote " + out + " (ONNX opset " + OnnxExporter.OPSET + ", "
                + saved.network().dtype().label() + ", " + saved.network().layers().size() + " layers)");
        return 0;
    }
}

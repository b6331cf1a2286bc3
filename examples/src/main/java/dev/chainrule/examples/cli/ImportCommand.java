package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.AtomicFiles;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.SavedModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads an ONNX model of a dense or convolutional network (from PyTorch, Keras or Chainrule) and writes it as a model
 * file.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads an ONNX model of a dense or convolutional network (Gemm or MatMul+Add layers, Conv, "
            + "MaxPool, AveragePool, GlobalAveragePool, activations, BatchNormalization, LayerNormalization, Flatten, "
            + "Reshape, Dropout) and writes it as a Chainrule model file."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The ONNX model.")
    private Path onnx;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model file.")
    private Path out;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        Chainrule chainrule = backend.chainrule();
        SavedModel saved = OnnxFiles.read(onnx, chainrule, null);
        AtomicFiles.removeStaleTemporaries(out);
        ModelFile.save(saved.network(), saved.metadata(), out);
        spec.commandLine().getOut().println("wrote " + out + " (" + saved.network().layers().size() + " layers, "
                + saved.network().inputs() + " inputs, " + saved.network().outputs() + " outputs, "
                + saved.network().dtype().label() + ")");
        return 0;
    }
}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.examples.data.LabeledData;
import dev.chainrule.examples.data.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shows, for one sample, the three chain-rule factors of every layer's weight gradient and that their product is the
 * gradient the trainer computes.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the chain rule at work for one sample: for each layer, dE/do (the error at its output), "
                + "do/dz (its own activation derivative), dz/dw (the previous layer's output), their product, and the "
                + "gradient the trainer computed for the same weight.",
            "Uses a trained model (--model) or a fresh network (--layers/--network, default the seed network), in "
                    + "float64."})
final class ExplainCommand implements Callable<Integer> {

    /** How to print. */
    enum Format { TEXT, MARKDOWN, JSON }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "A trained model; without it, a fresh network.")
    private Path model;

    @Mixin
    private NetworkOptions network = new NetworkOptions();

    @Mixin
    private DataOptions data = new DataOptions();

    @Option(names = "--sample", defaultValue = "0", description = "The row of the data set, from 0. Default: ${DEFAULT-VALUE}.")
    private int sample;

    @Option(names = "--loss", paramLabel = "SPEC",
            description = "Loss. Default: the model's, else categorical_cross_entropy or mse.")
    private String loss;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of a fresh network's weights. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--top", defaultValue = "3",
            description = "Weights shown per layer, those with the largest gradients. Default: ${DEFAULT-VALUE}.")
    private int top;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (top < 1) {
            throw new UsageException("--top must be >= 1, got " + top);
        }
        if (model != null && (network.layers != null || network.file != null || network.output != null)) {
            throw new UsageException("give either --model or a fresh network (--layers, --output, --network), not both");
        }
        Chainrule chainrule = backend.chainrule();
        Network net;
        Preprocessing preprocessing;
        LabeledData rows;
        Loss lossFunction;
        if (model != null) {
            LoadedModel loaded = LoadedModel.load(model, chainrule, DType.FLOAT64);
            net = loaded.network();
            rows = data.load(loaded.info().dataset().isEmpty() ? "digits" : loaded.info().dataset(), seed).data();
            lossFunction = loss(chainrule, loss != null ? loss : loaded.info().loss());
            preprocessing = loaded.info().preprocessing();
        } else {
            NetworkDefinition definition = network.definition();
            rows = data.load("digits", seed).data();
            net = definition.build(chainrule, definition.inputFor(rows), rows.outputCount(),
                    rows.task() == Task.REGRESSION ? "identity" : "softmax", DType.FLOAT64, seed);
            lossFunction = loss(chainrule, loss != null ? loss
                    : rows.task() == Task.REGRESSION ? "mse" : "categorical_cross_entropy");
            preprocessing = Preprocessing.fit(rows, lossFunction.targetDomain());
        }
        if (sample < 0 || sample >= rows.size()) {
            throw new UsageException("--sample must be a row from 0 to " + (rows.size() - 1) + " of " + rows.name()
                    + ", got " + sample);
        }
        if (rows.featureCount() != net.inputs()) {
            throw new IllegalArgumentException(rows.name() + " has " + rows.featureCount() + " features per row but the "
                    + "network takes " + net.inputs());
        }
        Dataset one = preprocessing.apply(rows.rows(new int[] {sample}), lossFunction.targetDomain());
        ChainRuleExplanation explanation = ChainRuleExplanation.of(net, lossFunction, one.features(), one.targets(),
                top);
        String label = rows.task() == Task.CLASSIFICATION
                ? "class " + rows.classes().get((int) rows.raw().targets()[sample])
                : "target " + rows.raw().targets()[sample];
        String title = "row " + sample + " of " + rows.name() + " (" + label + ")"
                + (model != null ? " through the model " + model : " through a fresh network (seed " + seed + ")");
        out.print(switch (format) {
            case TEXT -> ExplanationPrinter.text(explanation, title);
            case MARKDOWN -> ExplanationPrinter.markdown(explanation, title);
            case JSON -> ExplanationPrinter.json(explanation, title) + System.lineSeparator();
        });
        return 0;
    }

    private static Loss loss(Chainrule chainrule, String spec) {
        return UsageException.check(() -> chainrule.loss(spec));
    }
}

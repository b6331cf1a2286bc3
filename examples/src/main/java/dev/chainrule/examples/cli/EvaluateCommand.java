package dev.chainrule.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.examples.data.LabeledData;
import dev.chainrule.examples.data.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures a model on a data set: accuracy, per-class precision, recall and F1 and the confusion matrix for
 * classification; MSE, MAE and R^2 for regression.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures a model on a data set: accuracy, per-class precision, recall and F1 and a confusion "
                + "matrix, or regression errors (MSE, MAE, R^2).",
            "By default it uses the data set the model was trained on and the held-out test rows that training did "
                    + "not see."})
final class EvaluateCommand implements Callable<Integer> {

    /** Which rows to evaluate. */
    enum Rows { TEST, ALL }

    /** How to print the results. */
    enum Format { TEXT, MARKDOWN, JSON }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file.")
    private Path model;

    @Mixin
    private DataOptions data = new DataOptions();

    @Option(names = "--rows", defaultValue = "test",
            description = "test: the rows training held out (all rows of another data set); all: every row. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Rows rows;

    @Option(names = "--confusion-chart", paramLabel = "FILE.png", description = "Also draw the confusion matrix.")
    private Path confusionChart;

    @Option(names = "--format", defaultValue = "text", description = "text, markdown or json. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Chainrule chainrule = backend.chainrule();
        LoadedModel loaded = LoadedModel.load(model, chainrule, null);
        ModelInfo info = loaded.info();
        if (data.dataset == null && info.dataset().isEmpty()) {
            throw new UsageException(model + " does not say which data set it was trained on; name one with --dataset");
        }
        long seed = info.seed().orElse(42);
        DataSource source = data.load(info.dataset(), seed);
        LabeledData chosen = choose(source, info);
        String description = describe(source, info, chosen);
        LabeledData rowsToUse = check(chosen, info, loaded);
        if (info.task() == Task.CLASSIFICATION) {
            ClassLabels.warnIfMissing(spec.commandLine().getErr(), rowsToUse, "the evaluated rows");
        }

        Loss loss = UsageException.check(() -> chainrule.loss(info.loss()));
        Dataset prepared = info.preprocessing().apply(rowsToUse, loss.targetDomain());
        double[] outputs = Predictions.outputs(loaded.network(), prepared);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", model.toString());
        results.put("dataset", source.name());
        results.put("rows_evaluated", description);
        results.put("loss", Evaluator.evaluate(loaded.network(), loss, prepared, 256).loss());
        if (info.task() == Task.CLASSIFICATION) {
            int[] actual = Arrays.stream(rowsToUse.raw().targets()).mapToInt(value -> (int) value).toArray();
            ClassificationReport report = ClassificationReport.of(info.classes(), actual,
                    Predictions.classes(outputs, loaded.network().outputs()));
            results.putAll(report.toMap());
            print(out, description, report, (double) results.get("loss"));
            if (confusionChart != null) {
                ConfusionChart.write(report, "Confusion matrix: " + model.getFileName() + " on " + source.name(),
                        confusionChart);
                if (format != Format.JSON) {
                    out.println("wrote " + confusionChart);
                }
            }
        } else {
            double[] predicted = new double[outputs.length];
            for (int r = 0; r < outputs.length; r++) {
                predicted[r] = info.preprocessing().target(outputs[r]);
            }
            RegressionReport report = RegressionReport.of(rowsToUse.raw().targets(), predicted);
            results.putAll(report.toMap());
            if (format != Format.JSON) {
                out.println("evaluated on " + description);
                out.print(report.text());
            }
        }
        if (format == Format.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
        }
        return 0;
    }

    private LabeledData choose(DataSource source, ModelInfo info) {
        if (rows == Rows.ALL || !source.name().equals(info.dataset())) {
            return source.data();
        }
        if (source.providedTest().isPresent()) {
            return source.providedTest().get();
        }
        if (info.testSplit().isPresent()) {
            return source.trainAndTest(info.testSplit().getAsDouble(), info.seed().orElse(42)).second();
        }
        return source.data();
    }

    private static String describe(DataSource source, ModelInfo info, LabeledData chosen) {
        boolean heldOut = chosen != source.data();
        return heldOut ? "the " + chosen.size() + " held-out test rows of " + source.name()
                : "all " + chosen.size() + " rows of " + source.name();
    }

    /** The rows, their labels renumbered into the model's classes by name; a mismatch is an error. */
    private LabeledData check(LabeledData rowsToUse, ModelInfo info, LoadedModel loaded) {
        if (rowsToUse.task() != info.task()) {
            throw new IllegalArgumentException("the model does " + info.task().label() + " but " + rowsToUse.name()
                    + " is a " + rowsToUse.task().label() + " data set");
        }
        if (rowsToUse.featureCount() != loaded.network().inputs()) {
            throw new IllegalArgumentException(rowsToUse.name() + " has " + rowsToUse.featureCount()
                    + " features per row but the model takes " + loaded.network().inputs());
        }
        return info.task() == Task.CLASSIFICATION ? ClassLabels.inModelOrder(rowsToUse, info.classes()) : rowsToUse;
    }

    private void print(PrintWriter out, String description, ClassificationReport report, double loss) {
        if (format == Format.JSON) {
            return;
        }
        boolean markdown = format == Format.MARKDOWN;
        out.println("evaluated on " + description);
        out.printf(Locale.ROOT, "accuracy %.2f%% (%d of %d), loss %.4f%n%n", 100 * report.accuracy(),
                Math.round(report.accuracy() * report.total()), report.total(), loss);
        out.print(markdown ? report.perClass().markdown() : report.perClass().text());
        out.println();
        out.println("confusion matrix (rows: actual, columns: predicted)");
        out.print(markdown ? report.confusion().markdown() : report.confusion().text());
    }
}

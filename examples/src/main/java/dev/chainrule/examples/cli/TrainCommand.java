package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.schedule.LearningRateSchedule;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.Evaluation;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.GradientClipping;
import dev.chainrule.core.training.LossGrowthCheck;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.examples.data.LabeledData;
import dev.chainrule.examples.data.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a network and writes the model, a JSON metrics history and a PNG chart. With no options it trains the seed
 * network (tanh, sigmoid and ReLU hidden layers, softmax output) on the embedded digits.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network by backpropagation and writes model.crm, metrics.json and training.png.",
            "Without options: the seed network 64 -> 128 tanh -> 96 sigmoid -> 64 relu -> 10 softmax on the embedded "
                    + "digits."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private ChainruleCli cli;

    @Mixin
    private DataOptions data = new DataOptions();

    @Mixin
    private NetworkOptions network = new NetworkOptions();

    @Option(names = "--image-scaling", paramLabel = "max|standardise",
            description = "For image data sets (fashion-mnist, digits): max divides every pixel by the largest pixel "
                    + "value; standardise gives every pixel position mean 0 and standard deviation 1 over the training "
                    + "rows. Saved in the model file. Default: max.")
    private ImageScaling imageScaling;

    @Option(names = "--loss", paramLabel = "SPEC",
            description = "Loss. Default: categorical_cross_entropy for classification, mse for regression.")
    private String loss;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam(lr=0.002)",
            description = "Optimizer. Default: ${DEFAULT-VALUE}.")
    private String optimizer;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "constant",
            description = "Learning-rate schedule over the optimizer's steps, for example cosine(t_max=1000). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String schedule;

    @Mixin
    private PenaltyOptions penalties = new PenaltyOptions();

    @Option(names = "--epochs", defaultValue = "30", description = "Passes over the training rows. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Rows per mini-batch. Default: ${DEFAULT-VALUE}.")
    private int batchSize;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the split, the initial weights and the shuffling. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--test-split", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Fraction of rows held out for the final test (data sets without their own test set). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double testSplit;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction of the training rows evaluated after every epoch; 0 for none. Default: "
                    + "${DEFAULT-VALUE}.")
    private double validationSplit;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Early stopping: stop after this many epochs without a lower validation loss and keep the "
                    + "best weights; 0 for none. Default: ${DEFAULT-VALUE}.")
    private int patience;

    @Option(names = "--dtype", defaultValue = "float32", description = "float32 or float64. Default: ${DEFAULT-VALUE}.")
    private String dtype;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Mixin
    private CheckpointOptions checkpoints = new CheckpointOptions();

    @Mixin
    private StreamOption stream = new StreamOption();

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "chainrule-run",
            description = "Where to write model.crm, metrics.json and training.png. Default: ${DEFAULT-VALUE}.")
    private Path outDir;

    @Option(names = "--divergence-factor", paramLabel = "FACTOR", defaultValue = "3",
            description = "Stop (exit code 1) when the smoothed training loss grows past FACTOR times its best and above "
                    + "where it started, although finite; 0 for no such check. Default: ${DEFAULT-VALUE}.")
    private double divergenceFactor;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        checkOptions();
        Path model = outDir.resolve("model.crm");
        Path metrics = outDir.resolve("metrics.json");
        Path chart = outDir.resolve("training.png");
        OutputFolder.prepare("--out-dir", outDir, model, metrics, chart);
        NetworkDefinition definition = network.definition();
        Chainrule chainrule = backend.chainrule();
        Optional<Path> streamed = stream.file(data.dataset);
        if (streamed.isPresent()) {
            refuseImageScaling(streamed.get() + " is a CSV file streamed from disk");
            return trainStreamed(streamed.get(), definition, chainrule, out);
        }
        DataSource source = data.load("digits", seed);
        if (source.data().pixelMax().isEmpty()) {
            refuseImageScaling(source.name() + " has no image pixels (its features are always standardised)");
        }
        ImageScaling images = imageScaling != null ? imageScaling : ImageScaling.MAX;
        LabeledData.Split trainTest = source.trainAndTest(testSplit, seed);
        LabeledData training = trainTest.first();
        Optional<LabeledData> validation = Optional.empty();
        if (validationSplit > 0) {
            LabeledData.Split parts = UsageException.check(() -> trainTest.first().split(1 - validationSplit, seed + 1));
            training = parts.first();
            validation = Optional.of(parts.second());
        }
        LabeledData all = source.data();
        Task task = all.task();
        if (task == Task.CLASSIFICATION) {
            PrintWriter err = spec.commandLine().getErr();
            ClassLabels.warnIfMissing(err, training, "the training split");
            validation.ifPresent(rows -> ClassLabels.warnIfMissing(err, rows, "the validation split"));
            ClassLabels.warnIfMissing(err, trainTest.second(), "the test split");
        }
        String lossSpec = loss != null ? loss : task == Task.REGRESSION ? "mse" : "categorical_cross_entropy";
        Loss lossFunction = UsageException.check(() -> chainrule.loss(lossSpec));
        Domain targets = lossFunction.targetDomain();
        Preprocessing preprocessing = Preprocessing.fit(training, targets, images);
        Optimizer optimizerFunction = UsageException.check(() -> chainrule.optimizer(optimizer));
        LearningRateSchedule rates = UsageException.check(() -> chainrule.schedule(schedule));
        Network net = definition.build(chainrule, definition.inputFor(all), all.outputCount(),
                task == Task.REGRESSION ? "identity" : "softmax", dataType(), seed);
        MemoryLimits.ofThisJvm().checkBatch(batchSize, training.size(), net);

        TrainingConfig.Builder config = TrainingConfig.builder(lossFunction, optimizerFunction)
                .schedule(rates).epochs(epochs).batchSize(batchSize).seed(seed).patience(patience)
                .listener(new ProgressPrinter(out, cli.interactive(), epochs));
        if (divergenceFactor > 0) {
            config.listener(new LossGrowthCheck(divergenceFactor));
        }
        penalties.apply(config);
        validation.ifPresent(rows -> config.validation(preprocessing.apply(rows, targets)));
        TrainingConfig trainingConfig = UsageException.check(config::build);
        ModelInfo info = new ModelInfo(source.name(), task, all.classes(), preprocessing, lossFunction.spec().toString(),
                source.providedTest().isPresent() ? OptionalDouble.empty() : OptionalDouble.of(testSplit),
                OptionalLong.of(seed), images);

        out.printf(Locale.ROOT, "training %s%n  on %d rows of %s (%s), validating on %d, testing on %d%n", net,
                training.size(), source.name(), task.label(), validation.map(LabeledData::size).orElse(0),
                trainTest.second().size());
        out.printf(Locale.ROOT, "  loss %s, optimizer %s, schedule %s, %d epochs, batch %d, seed %d, backend %s, %s%n",
                lossFunction.spec(), optimizerFunction.spec(), rates.spec(), epochs, batchSize, seed,
                chainrule.backend().name(), net.dtype().label());
        if (all.pixelMax().isPresent()) {
            out.printf(Locale.ROOT, "  image scaling %s%n", images.label());
        }
        if (!trainingConfig.regularization().isNone() || !(trainingConfig.clipping() instanceof GradientClipping.None)) {
            out.printf(Locale.ROOT, "  penalties %s, clipping %s%n", trainingConfig.regularization(),
                    trainingConfig.clipping());
        }
        long start = System.nanoTime();
        CheckpointedRun.Outcome outcome = new CheckpointedRun(checkpoints, outDir,
                info.toMetadata(optimizerFunction.spec().toString()), out)
                .train(net, config, DatasetSource.of(preprocessing.apply(training, targets)));
        if (outcome.interrupted()) {
            return CheckpointedRun.INTERRUPTED;
        }
        TrainingHistory history = outcome.history();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (history.stoppedEarly()) {
            out.printf(Locale.ROOT, "early stop: the validation loss last improved at epoch %d; its weights are kept%n",
                    history.bestEpoch());
        }

        LabeledData test = trainTest.second();
        Map<String, Object> testResults = test(net, lossFunction, preprocessing, test, out);
        ModelFile.save(net, info.toMetadata(optimizerFunction.spec().toString()), model);
        MetricsFile.write(run(source, net, trainingConfig, chainrule, seconds), history, testResults, metrics);
        TrainingChart.write(history.epochs(), net + " on " + source.name(), chart);
        out.printf(Locale.ROOT, "trained in %.1f s; wrote %s, %s and %s%n", seconds, model, metrics, chart);
        return 0;
    }

    /** Training on a CSV file streamed from disk: no validation rows, the test rows streamed too. */
    private int trainStreamed(Path file, NetworkDefinition definition, Chainrule chainrule, PrintWriter out)
            throws Exception {
        StreamedCsv csv = StreamedCsv.scan(file, Optional.ofNullable(data.labelColumn), Optional.ofNullable(data.task),
                testSplit, seed);
        Task task = csv.task();
        String lossSpec = loss != null ? loss : task == Task.REGRESSION ? "mse" : "categorical_cross_entropy";
        Loss lossFunction = UsageException.check(() -> chainrule.loss(lossSpec));
        Domain targets = lossFunction.targetDomain();
        Optimizer optimizerFunction = UsageException.check(() -> chainrule.optimizer(optimizer));
        LearningRateSchedule rates = UsageException.check(() -> chainrule.schedule(schedule));
        Network net = definition.build(chainrule,
                definition.inputFor(file.toString(), csv.featureCount(), Optional.empty()), csv.outputCount(),
                task == Task.REGRESSION ? "identity" : "softmax", dataType(), seed);
        TrainingConfig.Builder config = TrainingConfig.builder(lossFunction, optimizerFunction)
                .schedule(rates).epochs(epochs).batchSize(batchSize).seed(seed)
                .listener(new ProgressPrinter(out, cli.interactive(), epochs));
        penalties.apply(config);
        TrainingConfig trainingConfig = UsageException.check(config::build);
        ModelInfo info = new ModelInfo(file.toString(), task, csv.classes(), csv.preprocessing(targets),
                lossFunction.spec().toString(), OptionalDouble.of(testSplit), OptionalLong.of(seed), ImageScaling.MAX);
        out.printf(Locale.ROOT, "training %s%n  streaming %d training rows of %s (%s) from disk; no validation rows; "
                + "testing on the held-out %.0f%%%n", net, csv.trainingRows(), file, task.label(), 100 * testSplit);
        long start = System.nanoTime();
        CheckpointedRun.Outcome outcome = new CheckpointedRun(checkpoints, outDir,
                info.toMetadata(optimizerFunction.spec().toString()), out)
                .train(net, config, csv.source(false, targets));
        if (outcome.interrupted()) {
            return CheckpointedRun.INTERRUPTED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation evaluation = Evaluator.evaluate(net, lossFunction, csv.source(true, targets), 256);
        Map<String, Object> testResults = new LinkedHashMap<>();
        testResults.put("rows", evaluation.rows());
        testResults.put("loss", evaluation.loss());
        evaluation.accuracy().ifPresent(accuracy -> testResults.put("accuracy", accuracy));
        out.printf(Locale.ROOT, "test on %d held-out rows: loss %.4f%s%n", evaluation.rows(), evaluation.loss(),
                evaluation.accuracy().isPresent() ? String.format(Locale.ROOT, ", accuracy %.2f%%",
                        100 * evaluation.accuracy().getAsDouble()) : "");
        Path model = outDir.resolve("model.crm");
        Path metrics = outDir.resolve("metrics.json");
        Path chart = outDir.resolve("training.png");
        ModelFile.save(net, info.toMetadata(optimizerFunction.spec().toString()), model);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", file.toString());
        run.put("streamed", true);
        run.put("network", net.toString());
        run.put("seconds", seconds);
        MetricsFile.write(run, outcome.history(), testResults, metrics);
        TrainingChart.write(outcome.history().epochs(), net + " on " + file.getFileName(), chart);
        out.printf(Locale.ROOT, "trained in %.1f s; wrote %s, %s and %s%n", seconds, model, metrics, chart);
        return 0;
    }

    /** Refuses {@code --image-scaling} for data that has no pixels to scale, saying {@code why}. */
    private void refuseImageScaling(String why) {
        if (imageScaling != null) {
            throw new UsageException("--image-scaling applies to image data sets (fashion-mnist, digits), but " + why
                    + "; leave it out");
        }
    }

    private Map<String, Object> test(Network net, Loss lossFunction, Preprocessing preprocessing, LabeledData test,
            PrintWriter out) {
        Dataset prepared = preprocessing.apply(test, lossFunction.targetDomain());
        Evaluation evaluation = Evaluator.evaluate(net, lossFunction, prepared, 256);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rows", test.size());
        results.put("loss", evaluation.loss());
        double[] outputs = Predictions.outputs(net, prepared);
        if (test.task() == Task.CLASSIFICATION) {
            int[] actual = java.util.Arrays.stream(test.raw().targets()).mapToInt(value -> (int) value).toArray();
            ClassificationReport report = ClassificationReport.of(test.classes(), actual,
                    Predictions.classes(outputs, net.outputs()));
            results.put("accuracy", report.accuracy());
            out.printf(Locale.ROOT, "test accuracy %.2f%% on %d held-out rows (loss %.4f)%n", 100 * report.accuracy(),
                    test.size(), evaluation.loss());
        } else {
            double[] predicted = new double[outputs.length];
            for (int r = 0; r < outputs.length; r++) {
                predicted[r] = preprocessing.target(outputs[r]);
            }
            RegressionReport report = RegressionReport.of(test.raw().targets(), predicted);
            results.putAll(report.toMap());
            out.printf(Locale.ROOT, "test on %d held-out rows: MSE %.4f, MAE %.4f, R^2 %.4f%n", test.size(),
                    report.mse(), report.mae(), report.r2());
        }
        return results;
    }

    private Map<String, Object> run(DataSource source, Network net, TrainingConfig config, Chainrule chainrule,
            double seconds) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("dataset", source.name());
        run.put("task", source.data().task().label());
        run.put("network", net.toString());
        run.put("loss", config.loss().spec().toString());
        run.put("optimizer", config.optimizer().spec().toString());
        run.put("schedule", config.schedule().spec().toString());
        run.put("penalties", config.regularization().toString());
        run.put("clipping", config.clipping().toString());
        run.put("epochs_requested", epochs);
        run.put("batch_size", batchSize);
        run.put("seed", seed);
        run.put("backend", chainrule.backend().name());
        run.put("dtype", net.dtype().label());
        if (source.data().pixelMax().isPresent()) {
            run.put("image_scaling", imageScaling != null ? imageScaling.label() : ImageScaling.MAX.label());
        }
        run.put("seconds", seconds);
        return run;
    }

    private void checkOptions() {
        if (epochs < 1) {
            throw new UsageException("--epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new UsageException("--batch-size must be >= 1, got " + batchSize);
        }
        if (!(testSplit > 0 && testSplit < 1)) {
            throw new UsageException("--test-split must lie strictly between 0 and 1, got " + testSplit);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new UsageException("--validation-split must lie in [0, 1), got " + validationSplit);
        }
        if (divergenceFactor != 0 && !(divergenceFactor > 1 && Double.isFinite(divergenceFactor))) {
            throw new UsageException("--divergence-factor must be 0 (no check) or a number > 1, got "
                    + divergenceFactor);
        }
        if (patience < 0) {
            throw new UsageException("--patience must be >= 0, got " + patience);
        }
        if (patience > 0 && validationSplit == 0) {
            throw new UsageException("--patience " + patience + " needs validation rows: give --validation-split, "
                    + "for example 0.1");
        }
        dataType();
    }

    private DType dataType() {
        return switch (dtype.toLowerCase(Locale.ROOT)) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new UsageException("--dtype must be float32 or float64, got " + dtype);
        };
    }
}

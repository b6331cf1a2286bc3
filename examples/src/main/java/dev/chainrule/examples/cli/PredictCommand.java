package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.examples.data.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Predicts with a model for rows of raw features given as CSV, from a file or standard input. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts with a model for CSV rows of raw features (in the training data's column order, "
                + "without the label), read from a file or standard input.",
            "Prints CSV: the row number and the predicted class with its probability, or the predicted value."})
final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    private ChainruleCli cli;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file.")
    private Path model;

    @Option(names = "--input", paramLabel = "FILE.csv", defaultValue = "-",
            description = "The rows; '-' for standard input. Default: ${DEFAULT-VALUE}. A first line without numbers "
                    + "is taken as a header and skipped.")
    private String input;

    @Option(names = "--probabilities", description = "Also print every class's output.")
    private boolean probabilities;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Chainrule chainrule = backend.chainrule();
        LoadedModel loaded = LoadedModel.load(model, chainrule, null);
        ModelInfo info = loaded.info();
        int width = loaded.network().inputs();
        double[] raw = read(width);
        double[] outputs = Predictions.outputs(loaded.network(), info.preprocessing().features(raw));
        int rows = raw.length / width;
        if (info.task() == Task.REGRESSION) {
            out.println("row,prediction");
            for (int r = 0; r < rows; r++) {
                out.printf(Locale.ROOT, "%d,%s%n", r + 1, number(info.preprocessing().target(outputs[r])));
            }
            return 0;
        }
        int classes = loaded.network().outputs();
        StringBuilder header = new StringBuilder("row,class,probability");
        if (probabilities) {
            info.classes().forEach(name -> header.append(",p(").append(name).append(')'));
        }
        out.println(header);
        int[] predicted = Predictions.classes(outputs, classes);
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder().append(r + 1).append(',').append(info.classes().get(predicted[r]))
                    .append(',').append(number(outputs[r * classes + predicted[r]]));
            if (probabilities) {
                for (int c = 0; c < classes; c++) {
                    line.append(',').append(number(outputs[r * classes + c]));
                }
            }
            out.println(line);
        }
        return 0;
    }

    private double[] read(int width) throws IOException {
        String source = input.equals("-") ? "standard input" : input;
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = input.equals("-")
                ? new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                boolean header = first && isHeader(cells);
                first = false;
                if (header) {
                    continue;
                }
                if (cells.length != width) {
                    throw new IllegalArgumentException(source + ", line " + lineNumber + ": " + cells.length
                            + " values, but the model takes " + width + " features per row");
                }
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    try {
                        row[c] = Double.parseDouble(cells[c].trim());
                    } catch (NumberFormatException e) {
                        row[c] = Double.NaN;
                    }
                    if (!Double.isFinite(row[c])) {
                        throw new IllegalArgumentException(source + ", line " + lineNumber + ", column " + (c + 1)
                                + ": '" + cells[c] + "' is not a finite number");
                    }
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no rows to predict");
        }
        double[] flat = new double[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, flat, r * width, width);
        }
        return flat;
    }

    private static boolean isHeader(String[] cells) {
        for (String cell : cells) {
            try {
                Double.parseDouble(cell.trim());
                return false;
            } catch (NumberFormatException e) {
                // text: still a header candidate
            }
        }
        return true;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}

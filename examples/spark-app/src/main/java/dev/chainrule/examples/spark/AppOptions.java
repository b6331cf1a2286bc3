package dev.chainrule.examples.spark;

import dev.chainrule.examples.data.FashionMnist;
import java.nio.file.Path;
import java.util.List;

/** The example application's options, each {@code --name value}; an unknown one is an error naming the valid ones. */
record AppOptions(String master, String data, Path dataDir, String labelColumn, String task, String layers, int rows,
        int partitions, int epochs, int batchSize, String optimizer, String mode, int localSteps, long seed, Path out) {

    private static final List<String> NAMES = List.of("--master", "--data", "--data-dir", "--label-column", "--task",
            "--layers", "--rows", "--partitions", "--epochs", "--batch-size", "--optimizer", "--mode", "--local-steps",
            "--seed", "--out");

    static AppOptions parse(String[] args) {
        AppOptions o = new AppOptions("local[2]", FashionMnist.NAME, FashionMnist.DEFAULT_DIRECTORY, "label",
                "classification", "64:relu", 60_000, 0, 2, 128, "adam(lr=0.001)", "synchronous", 8, 42,
                Path.of("spark-run"));
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; the options are " + NAMES);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            o = o.with(name, args[i + 1]);
        }
        if (!List.of("synchronous", "parameter_averaging").contains(o.mode)) {
            throw new IllegalArgumentException("--mode must be synchronous or parameter_averaging, got " + o.mode);
        }
        if (!List.of("classification", "regression").contains(o.task)) {
            throw new IllegalArgumentException("--task must be classification or regression, got " + o.task);
        }
        if (o.rows < 1 || o.rows > 60_000) {
            throw new IllegalArgumentException("--rows must be 1 to 60000, got " + o.rows);
        }
        return o;
    }

    private AppOptions with(String name, String value) {
        return switch (name) {
            case "--master" -> new AppOptions(value, data, dataDir, labelColumn, task, layers, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, seed, out);
            case "--data" -> new AppOptions(master, value, dataDir, labelColumn, task, layers, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, seed, out);
            case "--data-dir" -> new AppOptions(master, data, Path.of(value), labelColumn, task, layers, rows,
                    partitions, epochs, batchSize, optimizer, mode, localSteps, seed, out);
            case "--label-column" -> new AppOptions(master, data, dataDir, value, task, layers, rows, partitions,
                    epochs, batchSize, optimizer, mode, localSteps, seed, out);
            case "--task" -> new AppOptions(master, data, dataDir, labelColumn, value, layers, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, seed, out);
            case "--layers" -> new AppOptions(master, data, dataDir, labelColumn, task, value, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, seed, out);
            case "--rows" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, number(name, value),
                    partitions, epochs, batchSize, optimizer, mode, localSteps, seed, out);
            case "--partitions" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows,
                    number(name, value), epochs, batchSize, optimizer, mode, localSteps, seed, out);
            case "--epochs" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions,
                    number(name, value), batchSize, optimizer, mode, localSteps, seed, out);
            case "--batch-size" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions,
                    epochs, number(name, value), optimizer, mode, localSteps, seed, out);
            case "--optimizer" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions,
                    epochs, batchSize, value, mode, localSteps, seed, out);
            case "--mode" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions, epochs,
                    batchSize, optimizer, value, localSteps, seed, out);
            case "--local-steps" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions,
                    epochs, batchSize, optimizer, mode, number(name, value), seed, out);
            case "--seed" -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, number(name, value), out);
            default -> new AppOptions(master, data, dataDir, labelColumn, task, layers, rows, partitions, epochs,
                    batchSize, optimizer, mode, localSteps, seed, Path.of(value));
        };
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number >= 0, got '" + value + "'");
        }
    }
}

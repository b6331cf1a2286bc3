package dev.chainrule.examples.cli;

import dev.chainrule.examples.data.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which data set to use: an embedded one, Fashion-MNIST or a CSV file, with its options. */
final class DataOptions {

    @Option(names = "--dataset", paramLabel = "NAME|FILE.csv",
            description = "digits, iris, wine, breast_cancer, diabetes (regression), fashion-mnist, or the path of a "
                    + "CSV file.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where Fashion-MNIST's IDX files are. Default: /usr/share/datasets/fashion-mnist "
                    + "(apt-get install -y dataset-fashion-mnist).")
    Path dataDir;

    @Option(names = "--label-column", paramLabel = "NAME|NUMBER",
            description = "For a CSV file: the label column, by header name or number from 1. Default: the last.")
    String labelColumn;

    @Option(names = "--task", paramLabel = "TASK",
            description = "For a CSV file: classification or regression. Default: classification for text labels "
                    + "or up to 20 distinct whole numbers, else regression.")
    Task task;

    @Option(names = "--limit", paramLabel = "ROWS",
            description = "Use at most this many rows (of each of training and test), for quick runs. Default: all.")
    int limit;

    /** The data set named by {@code --dataset}, or {@code fallback}; {@code seed} chooses rows under --limit. */
    DataSource load(String fallback, long seed) throws IOException {
        if (limit < 0) {
            throw new UsageException("--limit must be >= 0, got " + limit);
        }
        return DataSource.load(dataset != null ? dataset : fallback, Optional.ofNullable(dataDir),
                Optional.ofNullable(labelColumn), Optional.ofNullable(task), limit, seed);
    }
}

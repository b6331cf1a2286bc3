package dev.chainrule.examples.cli;

import dev.chainrule.examples.data.CsvData;
import dev.chainrule.examples.data.EmbeddedData;
import dev.chainrule.examples.data.FashionMnist;
import dev.chainrule.examples.data.LabeledData;
import dev.chainrule.examples.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A loaded data set and, where the data set comes with one (Fashion-MNIST), its own test set.
 *
 * @param name         what the user called it: an embedded name, {@code fashion-mnist} or a CSV file's path
 * @param data         the rows to train on (or evaluate)
 * @param providedTest the data set's own test rows, if it has them
 */
record DataSource(String name, LabeledData data, Optional<LabeledData> providedTest) {

    /** Every name that {@link #load} knows besides CSV files. */
    static final String NAMES = String.join(", ", EmbeddedData.NAMES) + ", " + FashionMnist.NAME;

    /**
     * Loads a data set by name or CSV path.
     *
     * @param dataDir     where Fashion-MNIST's files are, if not in the default folder
     * @param labelColumn for a CSV file: the label column
     * @param task        for a CSV file: classification or regression, else guessed
     * @param limit       use at most this many rows (of each part), chosen at random with {@code seed}; 0 for all
     */
    static DataSource load(String name, Optional<Path> dataDir, Optional<String> labelColumn, Optional<Task> task,
            int limit, long seed) throws IOException {
        String normalised = name.replace('_', '-');
        if (normalised.equals(FashionMnist.NAME)) {
            LabeledData.Split parts = FashionMnist.load(dataDir.orElse(FashionMnist.DEFAULT_DIRECTORY), limit);
            return new DataSource(FashionMnist.NAME, parts.first(), Optional.of(parts.second()));
        }
        if (EmbeddedData.NAMES.contains(name)) {
            return new DataSource(name, limit(EmbeddedData.load(name), limit, seed), Optional.empty());
        }
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return new DataSource(name, limit(CsvData.load(file, labelColumn, task), limit, seed), Optional.empty());
        }
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new NoSuchFileException(name);
        }
        throw new UsageException("unknown data set '" + name + "'; valid: " + NAMES + ", or the path of a CSV file");
    }

    /**
     * The training and test rows: the data set's own test set if it has one, else a seeded split that holds out
     * {@code testFraction} of the rows.
     */
    LabeledData.Split trainAndTest(double testFraction, long seed) {
        if (providedTest.isPresent()) {
            return new LabeledData.Split(data, providedTest.get());
        }
        return UsageException.check(() -> data.split(1 - testFraction, seed));
    }

    private static LabeledData limit(LabeledData data, int limit, long seed) {
        if (limit <= 0 || limit >= data.size()) {
            return data;
        }
        int[] order = new int[data.size()];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return data.rows(Arrays.copyOf(order, limit));
    }
}

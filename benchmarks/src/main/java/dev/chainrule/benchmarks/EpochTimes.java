package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.FashionMnist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The wall time of each of the first few training epochs of the seed network (SGD, Fashion-MNIST or its random
 * stand-in) in a JVM of its own, from its start: the first epoch carries the JIT's warm-up, later ones do not. Run as
 * a main, it prints {@code epoch_seconds=S1 S2 ...}.
 */
final class EpochTimes {

    /** Epochs of a run on a quiet machine. */
    static final int EPOCHS = 3;
    /** The line that the child prints starts with this. */
    static final String PREFIX = "epoch_seconds=";

    private EpochTimes() {
    }

    /**
     * The epochs' seconds of a run on {@code backend} in a child JVM with the Vector API module, or empty when the
     * child fails.
     */
    static Optional<double[]> measure(String backend, int epochs) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), EpochTimes.class.getName(), backend,
                Integer.toString(epochs))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Optional<double[]> result = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PREFIX)) {
                    result = Optional.of(parse(line));
                }
            }
        }
        return process.waitFor() == 0 ? result : Optional.empty();
    }

    /** Reads {@code epoch_seconds=S1 S2 ...}. */
    static double[] parse(String line) {
        return Arrays.stream(line.substring(PREFIX.length()).trim().split("\\s+")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    /**
     * Trains on {@code args[0]}'s backend and prints the epochs' seconds.
     *
     * @param args the backend's name and the number of epochs
     */
    public static void main(String[] args) {
        Chainrule chainrule = Chainrule.create(args[0]);
        BenchmarkData data = BenchmarkData.load(FashionMnist.DEFAULT_DIRECTORY, 0);
        TrainingConfig config = chainrule.training(SeedNetwork.LOSS, SeedNetwork.optimizer("sgd")).epochs(Integer.parseInt(args[1]))
                .batchSize(SeedNetwork.BATCH).seed(3).build();
        List<String> seconds = new ArrayList<>();
        for (EpochResult epoch : chainrule.trainer().fit(SeedNetwork.build(chainrule), data.training(), config)
                .epochs()) {
            seconds.add(String.format(Locale.ROOT, "%.4f", epoch.seconds()));
        }
        System.out.println(PREFIX + String.join(" ", seconds));
    }
}

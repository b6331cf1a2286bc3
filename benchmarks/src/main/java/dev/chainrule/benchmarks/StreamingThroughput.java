package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.CsvSource;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import dev.chainrule.examples.data.FashionMnist;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streaming CSV training against training from memory, samples per second of the seed network (SGD, batches of
 * {@value SeedNetwork#BATCH}) on Fashion-MNIST's training images written as a CSV file (784 pixel columns and the
 * label): the streamed source parses every epoch on a read-ahead thread and shuffles through its bounded buffer; the
 * in-memory set holds the same pixels as bytes. Rounds alternate the two so that a changing load hits both alike;
 * the ratio of the medians is the figure. Run:
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.chainrule.benchmarks.StreamingThroughput [backend] [rows] [rounds]}.
 */
final class StreamingThroughput {

    private StreamingThroughput() {
    }

    /** Prints both throughputs of every round and the ratio of their medians. */
    public static void main(String[] args) throws IOException {
        String backend = args.length > 0 ? args[0] : "plain";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Dataset images = FashionMnist.compact(FashionMnist.DEFAULT_DIRECTORY, true, rows);
        Path csv = Files.createTempFile("fashion-mnist", ".csv");
        try {
            write(images, csv);
            System.out.printf(Locale.ROOT, "%s: %d rows, CSV of %.1f MB%n", Machine.current().describe(),
                    images.size(), Files.size(csv) / 1e6);
            Chainrule chainrule = Chainrule.create(backend);
            double[] memory = new double[rounds];
            double[] streamed = new double[rounds];
            BatchSource stream = new CsvSource(csv, false, SeedNetwork.INPUTS, SeedNetwork.CLASSES,
                    (row, x, xAt, y, yAt) -> {
                        for (int c = 0; c < SeedNetwork.INPUTS; c++) {
                            x[xAt + c] = row.number(c) / 255.0;
                        }
                        java.util.Arrays.fill(y, yAt, yAt + SeedNetwork.CLASSES, 0);
                        y[yAt + (int) row.number(SeedNetwork.INPUTS)] = 1;
                        return true;
                    });
            for (int round = 0; round < rounds; round++) {
                memory[round] = epoch(chainrule, DatasetSource.of(images));
                streamed[round] = epoch(chainrule, stream);
                System.out.printf(Locale.ROOT, "round %d: in memory %.0f samples/s, streamed CSV %.0f samples/s%n",
                        round + 1, memory[round], streamed[round]);
            }
            System.out.printf(Locale.ROOT, "streamed / in memory (medians): %.2f; load average now %.1f%n",
                    median(streamed) / median(memory), Machine.current().loadAverage());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double epoch(Chainrule chainrule, BatchSource source) {
        TrainingConfig config = TrainingConfig.builder(chainrule.loss(SeedNetwork.LOSS),
                chainrule.optimizer(SeedNetwork.optimizer("sgd"))).epochs(1).batchSize(SeedNetwork.BATCH).seed(3)
                .build();
        EpochResult result = new TrainingSession(SeedNetwork.build(chainrule), config).epoch(source).orElseThrow();
        return result.samplesPerSecond();
    }

    private static void write(Dataset images, Path csv) throws IOException {
        double[] pixels = new double[SeedNetwork.INPUTS];
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int r = 0; r < images.size(); r++) {
                images.copyFeatureRows(r, pixels);
                StringBuilder line = new StringBuilder(4 * SeedNetwork.INPUTS);
                for (double pixel : pixels) {
                    line.append(Math.round(pixel * 255)).append(',');
                }
                double[] target = images.targetRow(r);
                int label = 0;
                for (int c = 1; c < target.length; c++) {
                    label = target[c] > target[label] ? c : label;
                }
                out.append(line).append(Integer.toString(label)).append('\n');
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package dev.chainrule.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streaming CSV training against training from memory, samples per second of the seed network (SGD, batches of
 * {@value SeedNetwork#BATCH}) on Fashion-MNIST's training images written as a CSV file (784 pixel columns and the
 * label): the streamed source parses every epoch on a read-ahead thread and shuffles through its bounded buffer; the
 * in-memory set holds the same pixels as bytes. Rounds alternate the two so that a changing load hits both alike;
 * the ratio of the medians is the figure. Each epoch's CPU time (all the process's threads) per sample is printed too:
 * the difference of the medians is what streaming costs a sample, which a loaded machine disturbs less. Run:
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.chainrule.benchmarks.StreamingThroughput [backend] [rows] [rounds]}.
 */
final class StreamingThroughput {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private StreamingThroughput() {
    }

    /** Prints both throughputs of every round and the ratio of their medians. */
    public static void main(String[] args) throws IOException {
        String backend = args.length > 0 ? args[0] : "plain";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        FashionMnistCsv.Written written = FashionMnistCsv.temporary(rows);
        Dataset images = written.images();
        Path csv = written.csv();
        try {
            Chainrule chainrule = Chainrule.create(backend);
            double[] memory = new double[rounds];
            double[] streamed = new double[rounds];
            double[] memoryCpu = new double[rounds];
            double[] streamedCpu = new double[rounds];
            BatchSource stream = FashionMnistCsv.source(csv);
            for (int round = 0; round < rounds; round++) {
                long cpu = OS.getProcessCpuTime();
                memory[round] = epoch(chainrule, DatasetSource.of(images));
                long between = OS.getProcessCpuTime();
                streamed[round] = epoch(chainrule, stream);
                memoryCpu[round] = (between - cpu) / 1e3 / images.size();
                streamedCpu[round] = (OS.getProcessCpuTime() - between) / 1e3 / images.size();
                System.out.printf(Locale.ROOT, "round %d: in memory %.0f samples/s (%.1f us CPU a sample), streamed CSV "
                        + "%.0f samples/s (%.1f us CPU)%n", round + 1, memory[round], memoryCpu[round], streamed[round],
                        streamedCpu[round]);
            }
            System.out.printf(Locale.ROOT, "streamed / in memory (medians): %.2f; CPU a sample, streamed minus in memory "
                    + "(medians): %.1f us; load average now %.1f%n", median(streamed) / median(memory),
                    median(streamedCpu) - median(memoryCpu), Machine.current().loadAverage());
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

    /** The middle value (the upper one of an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

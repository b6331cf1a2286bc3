package dev.chainrule.examples;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.EpochResult;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.wiring.Plugins;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training throughput of every usable backend on one workload: the seed network at MNIST size,
 * {@value #INPUTS} -> 256 tanh -> 128 sigmoid -> 64 relu -> 10 softmax, batches of {@value #BATCH} random FLOAT32
 * rows, categorical cross-entropy and {@code sgd(lr=0.1, momentum=0.9)}. Each backend trains for three seconds to warm
 * up, then several timed epochs; the median epoch's samples per second is reported, with each backend's ratio to
 * plain.
 *
 * <pre>
 * java -cp examples/target/chainrule.jar dev.chainrule.examples.BackendThroughput [timed epochs] [batches per epoch]
 * </pre>
 */
public final class BackendThroughput {

    private static final int INPUTS = 784;
    private static final int CLASSES = 10;
    private static final int BATCH = 128;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private BackendThroughput() {
    }

    /**
     * Samples per second of each timed epoch on one backend.
     *
     * @param backend         the backend's name
     * @param timedEpochs     epochs measured after the warm-up
     * @param batchesPerEpoch mini-batches of {@value #BATCH} rows per epoch
     */
    public static double[] measure(String backend, int timedEpochs, int batchesPerEpoch) {
        Chainrule chainrule = Chainrule.create(backend);
        Network network = chainrule.network(INPUTS)
                .dense(256, "tanh").dense(128, "sigmoid").dense(64, "relu").dense(CLASSES, "softmax")
                .dtype(DType.FLOAT32).seed(7).build();
        Dataset data = randomData(batchesPerEpoch * BATCH);
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        do {
            chainrule.trainer().fit(network, data, config(chainrule, 1));
        } while (System.nanoTime() < warmUpEnd);
        List<EpochResult> epochs = chainrule.trainer().fit(network, data, config(chainrule, timedEpochs)).epochs();
        return epochs.stream().mapToDouble(EpochResult::samplesPerSecond).toArray();
    }

    private static TrainingConfig config(Chainrule chainrule, int epochs) {
        return chainrule.training("categorical_cross_entropy", "sgd(lr=0.1, momentum=0.9)")
                .epochs(epochs).batchSize(BATCH).seed(7).build();
    }

    /** Uniform features in [0, 1) and random one-hot labels. */
    static Dataset randomData(int rows) {
        SplittableRandom random = new SplittableRandom(11);
        double[] features = new double[rows * INPUTS];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble();
        }
        int[] labels = random.ints(rows, 0, CLASSES).toArray();
        return Dataset.of(rows(features, INPUTS), Dataset.oneHot(labels, CLASSES));
    }

    private static double[][] rows(double[] flat, int width) {
        double[][] rows = new double[flat.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Measures every usable backend and prints a table. */
    public static void main(String[] args) {
        int timedEpochs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int batchesPerEpoch = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<String> backends = new ArrayList<>();
        for (PluginEntry<TensorBackend> entry : Plugins.discover(BackendThroughput.class.getClassLoader())
                .backends().entries()) {
            if (entry.plugin().availability().usable()) {
                backends.add(entry.plugin().name());
            }
        }
        System.out.printf(Locale.ROOT, "%d -> 256 tanh -> 128 sigmoid -> 64 relu -> %d softmax, float32, batch %d, "
                + "%d batches per epoch; median of %d epochs after %d s of warm-up; %d cores, load average %.1f%n",
                INPUTS, CLASSES, BATCH, batchesPerEpoch, timedEpochs, WARM_UP_NANOS / 1_000_000_000L,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String backend : backends) {
            double[] samplesPerSecond = measure(backend, timedEpochs, batchesPerEpoch);
            medians.put(backend, median(samplesPerSecond));
            System.out.printf(Locale.ROOT, "%-8s %10.0f samples/s (median; epochs %s)%n", backend, medians.get(backend),
                    Arrays.stream(samplesPerSecond).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        }
        Double plain = medians.get("plain");
        if (plain != null) {
            medians.forEach((backend, median) -> {
                if (!backend.equals("plain")) {
                    System.out.printf(Locale.ROOT, "%s / plain: %.1fx%n", backend, median / plain);
                }
            });
        }
    }
}

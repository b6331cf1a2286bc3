package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.FashionMnist;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training speed of the convolution issue's CNN on the plain backend against PyTorch ({@code pytorch/cnn.py}) in one
 * run: {@code 1x28x28 -> conv2d(32,3,padding=same):relu, max_pool2d(2), conv2d(64,3,padding=same):relu,
 * max_pool2d(2), flatten, 128:relu -> 10 softmax}, FLOAT32, categorical cross-entropy, {@code adam(lr=0.001)}, batch
 * {@value #BATCH}, on the first rows of Fashion-MNIST (random rows of its size when it is not installed). Each side
 * trains one warm-up epoch over the rows, then the measured ones. Prints samples per second of both, their ratio and
 * the load average before and after; without PyTorch, plain's figure alone:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar dev.chainrule.benchmarks.CnnBenchmark \
 *     [ROWS [EPOCHS]]
 * </pre>
 */
public final class CnnBenchmark {

    /** The training batch. */
    static final int BATCH = 64;
    /** The hidden layers, as the command line writes them. */
    static final List<String> LAYERS = List.of("conv2d(32, 3, padding=same, activation=relu)", "max_pool2d(2)",
            "conv2d(64, 3, padding=same, activation=relu)", "max_pool2d(2)", "flatten",
            "dense(units=128, activation=relu)");

    private static final Pattern SPEED = Pattern.compile("\"samples_per_second\": ([-0-9.eE+]+)");

    private CnnBenchmark() {
    }

    /**
     * Runs both and prints the figures.
     *
     * @param args the number of rows (default 6400) and of measured epochs (default 1)
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 6400;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double loadBefore = loadAverage();
        double plain = plainSamplesPerSecond(rows, epochs);
        System.out.printf(Locale.ROOT, "plain: %.1f samples/s (batch %d, float32, %d rows, %d epoch(s) after a "
                + "warm-up epoch)%n", plain, BATCH, rows, epochs);
        Optional<Double> pytorch = PyTorchReference.run("cnn.py", List.of("--rows", Integer.toString(rows),
                "--epochs", Integer.toString(epochs), "--data", FashionMnist.DEFAULT_DIRECTORY.toString()))
                .flatMap(CnnBenchmark::speed);
        pytorch.ifPresent(speed -> System.out.printf(Locale.ROOT, "PyTorch (OpenBLAS, %d threads): %.1f samples/s%n"
                + "ratio plain / PyTorch: %.2f (target >= 0.8)%n", PyTorchReference.THREADS, speed, plain / speed));
        System.out.printf(Locale.ROOT, "load average %.1f before, %.1f after; %s%n", loadBefore, loadAverage(),
                Machine.current().describe());
    }

    /** Plain's training speed on the first {@code rows} rows. */
    static double plainSamplesPerSecond(int rows, int epochs) {
        Chainrule chainrule = Chainrule.create("plain");
        Dataset data = BenchmarkData.load(FashionMnist.DEFAULT_DIRECTORY, rows).training();
        Network network = build(chainrule);
        TrainingConfig warmUp = chainrule.training(SeedNetwork.LOSS, "adam(lr=0.001)").epochs(1).batchSize(BATCH)
                .seed(3).build();
        chainrule.trainer().fit(network, data, warmUp);
        TrainingConfig measured = chainrule.training(SeedNetwork.LOSS, "adam(lr=0.001)").epochs(epochs)
                .batchSize(BATCH).seed(4).build();
        long start = System.nanoTime();
        chainrule.trainer().fit(network, data, measured);
        return (double) data.size() * epochs / ((System.nanoTime() - start) / 1e9);
    }

    /** The CNN, freshly initialised, on {@code chainrule}'s backend. */
    static Network build(Chainrule chainrule) {
        NetworkBuilder builder = chainrule.network(new FeatureShape(1, 28, 28)).dtype(DType.FLOAT32).seed(7);
        LAYERS.forEach(builder::layer);
        return builder.dense(SeedNetwork.CLASSES, "softmax").build();
    }

    static Optional<Double> speed(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = SPEED.matcher(line);
            if (matcher.find()) {
                return Optional.of(Double.parseDouble(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

package dev.chainrule.examples.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.FashionMnist;
import dev.chainrule.spark.DistributedOptions;
import dev.chainrule.spark.DistributedResult;
import dev.chainrule.spark.DistributedTrainer;
import dev.chainrule.spark.TargetEncoding;
import dev.chainrule.spark.TrainingData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The measurements behind {@code docs/scale-out.md}, all in one run so that their ratios share the machine's load:
 * samples per second of the single-machine trainer and of both Spark modes at {@code local[1]} and {@code local[2]}
 * (the seed network, float32, Fashion-MNIST's first {@code rows} training images, one epoch after a warm-up epoch),
 * the duration of one synchronous round at the benchmark's batch size, and of a round of two rows (whose compute is
 * negligible: Spark's scheduling overhead per round). Arguments: {@code [rows] [batch] [localSteps]}.
 */
public final class ScaleOutBenchmark {

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int localSteps = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path folder = FashionMnist.DEFAULT_DIRECTORY;
        Chainrule chainrule = Chainrule.create("plain");
        System.out.printf(Locale.ROOT, "seed network, float32, %,d rows, batch %d, backend %s, load average %.2f%n",
                rows, batch, chainrule.backend().name(), load());

        Dataset images = FashionMnist.compact(folder, true, rows);
        Network alone = network(chainrule);
        chainrule.trainer().fit(alone, images, config(chainrule, batch, 1));
        long start = System.nanoTime();
        chainrule.trainer().fit(alone, images, config(chainrule, batch, 1));
        double single = rows / ((System.nanoTime() - start) / 1e9);
        Dataset test = FashionMnist.compact(folder, false, 0);
        double aloneAccuracy = Evaluator.evaluate(alone, chainrule.loss("categorical_cross_entropy"), test, 256)
                .accuracy().orElseThrow();
        System.out.printf(Locale.ROOT, "single machine (plain trainer): %,.0f samples/s, %.3f ms per sample, test "
                + "accuracy after two epochs %.2f%%%n", single, 1000 / single, 100 * aloneAccuracy);
        long parameters = alone.parameterCount();
        System.out.printf(Locale.ROOT, "parameters %,d: %,d bytes per synchronous round as float32 would ship them, "
                + "%,d as shipped (doubles: parameters out, gradient sums back)%n", parameters, parameters * 4 * 2,
                parameters * 8 * 2);

        for (int threads : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("scale-out")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try {
                JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
                TrainingData data = TrainingData.fromDataFrame(
                        FashionMnistFrame.read(spark, folder, rows, threads), "features", "label",
                        TargetEncoding.oneHot(10));
                double sync = run(context, chainrule, data, test, DistributedOptions.defaults(), batch, "synchronous", threads,
                        single);
                run(context, chainrule, data, test, DistributedOptions.defaults().parameterAveraging(localSteps), batch,
                        "parameter averaging K=" + localSteps, threads, single);
                DistributedResult small = new DistributedTrainer(context, chainrule, DistributedOptions.defaults()
                        .stepLimit(50)).fit(data, network(chainrule), config(chainrule, 2, 1));
                System.out.printf(Locale.ROOT, "local[%d] round of %d rows: %.1f ms; round of 2 rows (scheduling "
                        + "overhead): %.1f ms; load average %.2f%n", threads, batch, 1000.0 * batch / sync,
                        1000 * small.seconds() / small.steps(), load());
                data.release();
            } finally {
                spark.stop();
            }
        }
    }

    private static double run(JavaSparkContext context, Chainrule chainrule, TrainingData data, Dataset test,
            DistributedOptions options, int batch, String name, int threads, double single) {
        DistributedTrainer trainer = new DistributedTrainer(context, chainrule, options);
        trainer.fit(data, network(chainrule), config(chainrule, batch, 1));
        Network network = network(chainrule);
        DistributedResult result = trainer.fit(data, network, config(chainrule, batch, 1));
        double accuracy = Evaluator.evaluate(network, chainrule.loss("categorical_cross_entropy"), test, 256)
                .accuracy().orElseThrow();
        System.out.printf(Locale.ROOT, "local[%d] %s: %,.0f samples/s (%.2f x single machine), %d rounds, final loss "
                + "%.4f, test accuracy after one epoch %.2f%%%n", threads, name, result.samplesPerSecond(),
                result.samplesPerSecond() / single, result.losses().size(),
                result.losses().get(result.losses().size() - 1), 100 * accuracy);
        return result.samplesPerSecond();
    }

    private static Network network(Chainrule chainrule) {
        return chainrule.network(784).dtype(DType.FLOAT32).seed(42).dense(256, "tanh").dense(128, "sigmoid")
                .dense(64, "relu").dense(10, "softmax").build();
    }

    private static TrainingConfig config(Chainrule chainrule, int batch, int epochs) {
        return chainrule.training("categorical_cross_entropy", "adam(lr=0.001)").batchSize(batch).epochs(epochs)
                .seed(7).build();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

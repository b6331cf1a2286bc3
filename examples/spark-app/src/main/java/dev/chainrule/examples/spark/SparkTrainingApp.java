package dev.chainrule.examples.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Evaluation;
import dev.chainrule.core.training.Evaluator;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.FashionMnist;
import dev.chainrule.spark.ChainruleClassifier;
import dev.chainrule.spark.ChainruleEstimator;
import dev.chainrule.spark.ChainruleRegressor;
import dev.chainrule.spark.DistributedOptions;
import dev.chainrule.spark.DistributedResult;
import dev.chainrule.spark.DistributedTrainer;
import dev.chainrule.spark.TargetEncoding;
import dev.chainrule.spark.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;

/**
 * Trains through Spark: the seed network (784 -> 256 tanh -> 128 sigmoid -> 64 relu -> 10 softmax) on Fashion-MNIST
 * with the {@link DistributedTrainer}, or, with {@code --data FILE.parquet|FILE.csv}, a network on your own table in a
 * Spark ML pipeline ({@code VectorAssembler}, {@code StandardScaler}, {@link ChainruleClassifier} or
 * {@link ChainruleRegressor}). Options: {@code --master}, {@code --data}, {@code --data-dir}, {@code --label-column},
 * {@code --task classification|regression}, {@code --layers}, {@code --rows}, {@code --partitions}, {@code --epochs},
 * {@code --batch-size}, {@code --optimizer}, {@code --mode synchronous|parameter_averaging}, {@code --local-steps},
 * {@code --seed}, {@code --out}.
 */
public final class SparkTrainingApp {

    private SparkTrainingApp() {
    }

    public static void main(String[] args) throws Exception {
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("chainrule-spark-app: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().master(options.master()).appName("chainrule-spark-app")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            if (options.data().equals(FashionMnist.NAME)) {
                fashionMnist(spark, options);
            } else {
                ownTable(spark, options);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("chainrule-spark-app: " + e.getMessage());
            System.exit(1);
        } finally {
            spark.stop();
        }
    }

    private static void fashionMnist(SparkSession spark, AppOptions options) throws Exception {
        int partitions = options.partitions() > 0 ? options.partitions() : spark.sparkContext().defaultParallelism();
        Dataset<Row> frame = FashionMnistFrame.read(spark, options.dataDir(), options.rows(), partitions);
        TrainingData data = TrainingData.fromDataFrame(frame, "features", "label", TargetEncoding.oneHot(10));
        Chainrule chainrule = Chainrule.create();
        Network network = chainrule.network(784).dense(256, "tanh").dense(128, "sigmoid").dense(64, "relu")
                .dense(10, "softmax").seed(options.seed()).build();
        TrainingConfig config = chainrule.training("categorical_cross_entropy", options.optimizer())
                .epochs(options.epochs()).batchSize(options.batchSize()).seed(options.seed()).build();
        System.out.printf(Locale.ROOT, "training %s on %,d Fashion-MNIST images in %d partitions (%s, %s)%n", network,
                data.size(), data.partitions(), options.master(), options.mode());
        DistributedResult result = new DistributedTrainer(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                chainrule, distributed(options)).fit(data, network, config);
        data.release();
        Evaluation test = Evaluator.evaluate(network, config.loss(),
                FashionMnist.compact(options.dataDir(), false, 0), 256);
        System.out.printf(Locale.ROOT, "%d %s in %.1f s, %,.0f samples/s, last loss %.4f%n", result.steps(),
                options.mode().equals("synchronous") ? "steps" : "rounds", result.seconds(),
                result.samplesPerSecond(), result.losses().get(result.losses().size() - 1));
        System.out.printf(Locale.ROOT, "test accuracy %.2f%% on %d held-out images (loss %.4f)%n",
                100 * test.accuracy().orElseThrow(), 10_000, test.loss());
        Files.createDirectories(options.out());
        ModelFile.save(network, options.out().resolve("model.crm"));
        System.out.println("model written to " + options.out().resolve("model.crm"));
    }

    private static void ownTable(SparkSession spark, AppOptions options) throws Exception {
        String file = options.data();
        Dataset<Row> table = file.endsWith(".parquet") ? spark.read().parquet(file)
                : spark.read().option("header", "true").option("inferSchema", "true").csv(file);
        if (!Arrays.asList(table.columns()).contains(options.labelColumn())) {
            throw new IllegalArgumentException(file + " has no column '" + options.labelColumn() + "'; its columns are "
                    + Arrays.toString(table.columns()));
        }
        String[] features = Arrays.stream(table.schema().fields())
                .filter(field -> field.dataType() instanceof NumericType && !field.name().equals(options.labelColumn()))
                .map(field -> field.name()).toArray(String[]::new);
        boolean classification = options.task().equals("classification");
        ChainruleEstimator estimator = classification ? new ChainruleClassifier() : new ChainruleRegressor();
        estimator.with(estimator.labelCol(), options.labelColumn()).with(estimator.layers(), options.layers())
                .with(estimator.epochs(), options.epochs()).with(estimator.batchSize(), options.batchSize())
                .with(estimator.optimizer(), options.optimizer()).with(estimator.seed(), options.seed())
                .with(estimator.mode(), options.mode()).with(estimator.localSteps(), options.localSteps());
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(features).setOutputCol("raw_features"),
            new StandardScaler().setInputCol("raw_features").setOutputCol("features").setWithMean(true), estimator});
        Dataset<Row>[] split = table.randomSplit(new double[] {0.8, 0.2}, options.seed());
        System.out.printf(Locale.ROOT, "training on %s: features %s, label %s (%s)%n", file, Arrays.toString(features),
                options.labelColumn(), options.task());
        PipelineModel model = pipeline.fit(split[0]);
        Dataset<Row> predicted = model.transform(split[1]);
        if (classification) {
            double accuracy = new MulticlassClassificationEvaluator().setLabelCol(options.labelColumn())
                    .setMetricName("accuracy").evaluate(predicted);
            System.out.printf(Locale.ROOT, "test accuracy %.2f%% on the held-out 20%%%n", 100 * accuracy);
        } else {
            double rmse = new RegressionEvaluator().setLabelCol(options.labelColumn()).evaluate(predicted);
            System.out.printf(Locale.ROOT, "test RMSE %.4f on the held-out 20%%%n", rmse);
        }
        model.write().overwrite().save(options.out().resolve("pipeline-model").toString());
        System.out.println("pipeline model written to " + options.out().resolve("pipeline-model"));
    }

    private static DistributedOptions distributed(AppOptions options) {
        return options.mode().equals("parameter_averaging")
                ? DistributedOptions.defaults().parameterAveraging(options.localSteps())
                : DistributedOptions.defaults();
    }
}

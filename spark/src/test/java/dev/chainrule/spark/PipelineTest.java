package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimators inside a Spark ML pipeline after {@code VectorAssembler} and {@code StandardScaler}: fit, transform,
 * save, load, transform again gives identical predictions; the classifier learns the rows' classes and adds
 * probabilities that sum to one; the unfitted pipeline saves and loads with its parameters.
 */
class PipelineTest {

    private static final String[] COLUMNS = {"a", "b", "c", "d"};

    @TempDir
    Path folder;

    @Test
    void aClassifierInAPipelineFitsTransformsSavesAndLoadsWithIdenticalPredictions() throws IOException {
        Dataset<Row> frame = frame(120, true);
        ChainruleClassifier classifier = new ChainruleClassifier();
        classifier.with(classifier.layers(), "8:tanh").with(classifier.epochs(), 8).with(classifier.batchSize(), 40)
                .with(classifier.optimizer(), "adam(lr=0.1)").with(classifier.dtype(), "float64");
        Pipeline pipeline = pipeline(classifier);
        PipelineModel fitted = pipeline.fit(frame);
        List<Row> before = fitted.transform(frame).select("label", "prediction", "probability").collectAsList();

        long right = before.stream().filter(row -> row.getDouble(0) == row.getDouble(1)).count();
        assertTrue(right >= 108, () -> right + " of 120 rows right");
        for (Row row : before) {
            double[] probabilities = ((Vector) row.get(2)).toArray();
            assertEquals(1.0, probabilities[0] + probabilities[1] + probabilities[2], 1e-9);
        }

        String path = folder.resolve("pipeline-model").toString();
        fitted.write().save(path);
        assertTrue(Files.isRegularFile(folder.resolve("pipeline-model/stages/2_" + classifier.uid() + "/data/model.crm")));
        List<Row> after = PipelineModel.load(path).transform(frame).select("label", "prediction", "probability")
                .collectAsList();
        assertEquals(before, after);

        pipeline.write().save(folder.resolve("pipeline").toString());
        ChainruleClassifier loaded = (ChainruleClassifier) Pipeline.load(folder.resolve("pipeline").toString())
                .getStages()[2];
        assertEquals("8:tanh", loaded.getOrDefault(loaded.layers()));
        assertEquals(8, loaded.getOrDefault(loaded.epochs()));
    }

    @Test
    void aRegressorPredictsTheLabelAndItsModelSavesAndLoads() throws IOException {
        Dataset<Row> frame = frame(90, false);
        ChainruleRegressor regressor = new ChainruleRegressor();
        regressor.with(regressor.layers(), "8:tanh").with(regressor.epochs(), 12).with(regressor.batchSize(), 30)
                .with(regressor.optimizer(), "adam(lr=0.1)").with(regressor.mode(), "parameter_averaging")
                .with(regressor.localSteps(), 2);
        PipelineModel fitted = pipeline(regressor).fit(frame);
        List<Row> before = fitted.transform(frame).select("label", "prediction").collectAsList();
        double error = before.stream().mapToDouble(row -> Math.pow(row.getDouble(0) - row.getDouble(1), 2)).average()
                .orElseThrow();
        double variance = before.stream().mapToDouble(row -> row.getDouble(0) * row.getDouble(0)).average()
                .orElseThrow();
        assertTrue(error < 0.2 * variance, () -> "mean squared error " + error + ", label variance " + variance);
        String path = folder.resolve("regression").toString();
        fitted.write().save(path);
        assertEquals(before, PipelineModel.load(path).transform(frame).select("label", "prediction").collectAsList());
    }

    @Test
    void aMissingFeaturesColumnIsAnErrorNamingIt() {
        ChainruleClassifier classifier = new ChainruleClassifier();
        classifier.with(classifier.featuresCol(), "pixels");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> classifier.fit(frame(10, true)));
        assertTrue(error.getMessage().startsWith("the data has no features column 'pixels'"), error::getMessage);
    }

    private static Pipeline pipeline(ChainruleEstimator estimator) {
        return new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(COLUMNS).setOutputCol("raw"),
            new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true),
            estimator});
    }

    /** Rows of four numbers of different scales; a class 0-2 from their sum, or the sum itself as the label. */
    private static Dataset<Row> frame(int rows, boolean classes) {
        double[][] x = Fixtures.features(rows, 4, 17);
        List<Row> list = new ArrayList<>();
        for (double[] row : x) {
            double sum = row[0] + row[1] - row[2] + 0.5 * row[3];
            double label = classes ? (sum < -0.5 ? 0 : sum < 0.5 ? 1 : 2) : sum;
            list.add(RowFactory.create(row[0] * 100, row[1], row[2] * 0.01 + 5, row[3], label));
        }
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
                .add("c", DataTypes.DoubleType).add("d", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        return TestSpark.session().createDataFrame(list, schema).repartition(2);
    }
}

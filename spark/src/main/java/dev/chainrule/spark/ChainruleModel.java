package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.io.ModelFileException;
import dev.chainrule.core.io.SavedModel;
import dev.chainrule.core.wiring.Plugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A trained Chainrule network as a Spark ML model. {@code transform} adds a prediction column (the most probable class
 * of a classifier, the first output of a regressor) and, for a classifier, a probability column (the network's
 * outputs); every executor builds the network from the model file once per concurrent task and reuses it. The model
 * saves as Spark ML's metadata plus the network as a Chainrule model file, {@code data/model.crm}, in the model's
 * folder (the task and loss in the model file's metadata); it loads with {@link #load(String)} or inside a {@code PipelineModel}.
 */
public final class ChainruleModel extends Model<ChainruleModel> implements MLWritable {

    private static final long serialVersionUID = 1L;
    private static final String MODEL_FILE = "data/model.crm";
    private static final String OUTPUTS = "__chainrule_outputs";
    /** The model file's metadata key of the loss the network was trained with. */
    static final String LOSS = "loss";
    /** The model file's metadata key of the task: {@link #CLASSIFICATION} or regression. */
    static final String TASK = "task";
    /** The classification task. */
    static final String CLASSIFICATION = "classification";

    private final String uid;
    private final byte[] model;
    private final boolean classification;
    private final NetworkShipment shipment;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    /** The model named {@code uid} of the network in {@code modelFile} (a Chainrule model file's bytes). */
    ChainruleModel(String uid, byte[] modelFile) {
        this.uid = uid;
        this.model = modelFile;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Chainrule chainrule = Chainrule.create(Plugins.discover(loader != null ? loader : getClass().getClassLoader()),
                Optional.empty());
        try {
            SavedModel saved = ModelFile.decode(modelFile, "the model " + uid, chainrule.backend(),
                    chainrule.plugins().layers(), chainrule.plugins().activations(), null);
            this.classification = CLASSIFICATION.equals(saved.metadata().get(TASK));
            String loss = saved.metadata().getOrDefault(LOSS, classification ? "categorical_cross_entropy" : "mse");
            this.shipment = NetworkShipment.of(saved.network(), loss, true, null, null, chainrule.plugins());
        } catch (ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        featuresCol = new Param<>(this, "featuresCol", "features column: a vector or an array of numbers");
        predictionCol = new Param<>(this, "predictionCol", "prediction column");
        probabilityCol = new Param<>(this, "probabilityCol", "probability column (classification)");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The features column. */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The prediction column. */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The probability column (classification only). */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** Whether the model is a classifier. */
    public boolean isClassifier() {
        return classification;
    }

    /** The network as a Chainrule model file's bytes (a copy), to save or load with Chainrule's own API. */
    public byte[] modelFile() {
        return model.clone();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, $(featuresCol), $(predictionCol),
                classification ? Optional.of($(probabilityCol)) : Optional.empty());
    }

    /** {@code schema} with the prediction (and probability) column added; checks that the features are there. */
    static StructType outputSchema(StructType schema, String features, String prediction,
            Optional<String> probability) {
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(features)) {
            throw new IllegalArgumentException("the data has no features column '" + features + "'; its columns are "
                    + names);
        }
        StructType out = schema;
        if (probability.isPresent()) {
            out = add(out, new StructField(probability.get(), SQLDataTypes.VectorType(), false,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return add(out, new StructField(prediction, DataTypes.DoubleType, false,
                org.apache.spark.sql.types.Metadata.empty()));
    }

    private static StructType add(StructType schema, StructField field) {
        if (Arrays.asList(schema.fieldNames()).contains(field.name())) {
            throw new IllegalArgumentException("the data already has a column '" + field.name() + "'");
        }
        return schema.add(field);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Column outputs = functions.udf(new Outputs(shipment, $(featuresCol)), SQLDataTypes.VectorType())
                .apply(functions.col($(featuresCol)));
        String outputColumn = classification ? $(probabilityCol) : OUTPUTS;
        Dataset<Row> withOutputs = dataset.toDF().withColumn(outputColumn, outputs);
        UDF1<Vector, Double> predict = classification ? vector -> (double) vector.argmax() : vector -> vector.apply(0);
        Dataset<Row> predicted = withOutputs.withColumn($(predictionCol),
                functions.udf(predict, DataTypes.DoubleType).apply(functions.col(outputColumn)));
        return classification ? predicted : predicted.drop(OUTPUTS);
    }

    @Override
    public ChainruleModel copy(ParamMap extra) {
        ChainruleModel copy = new ChainruleModel(uid, model);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Reads a model that {@code write().save(path)} wrote. */
    public static MLReader<ChainruleModel> read() {
        return new Reader();
    }

    /** Loads the model saved in {@code path}. */
    public static ChainruleModel load(String path) {
        return read().load(path);
    }

    /** The network's outputs for one row's features, on an executor's copy of the network. */
    private record Outputs(NetworkShipment shipment, String column) implements UDF1<Object, Vector> {

        private static final long serialVersionUID = 1L;

        @Override
        public Vector call(Object features) {
            double[] row = RowValues.of(features, column, "a row to predict");
            double[] outputs = WorkerPool.with(shipment, worker -> worker.network().predict(new double[][] {row})[0]);
            return Vectors.dense(outputs);
        }
    }

    /** Spark ML's metadata (uid, parameters), then the network as {@code data/model.crm}, written atomically. */
    private static final class Writer extends MLWriter {

        private final ChainruleModel instance;

        Writer(ChainruleModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
            Path file = new Path(path, MODEL_FILE);
            try {
                HadoopFiles.write(file.getFileSystem(sc().hadoopConfiguration()), file, instance.model);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** Reads what {@link Writer} wrote. */
    private static final class Reader extends MLReader<ChainruleModel> {

        @Override
        public ChainruleModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    ChainruleModel.class.getName());
            Path file = new Path(path, MODEL_FILE);
            byte[] bytes;
            try {
                FileSystem fileSystem = file.getFileSystem(sc().hadoopConfiguration());
                bytes = HadoopFiles.read(fileSystem, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            ChainruleModel model = new ChainruleModel(metadata.uid(), bytes);
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        }
    }
}

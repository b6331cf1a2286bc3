package dev.chainrule.spark;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.io.ModelFile;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.network.NetworkBuilder;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.wiring.Plugins;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What the Spark ML estimators share: the columns, the network ({@code layers} as the command-line tool's
 * {@code --layers}, and the output activation), the loss, optimizer and schedule specs, epochs, batch size, seed,
 * dtype, backend and the distributed mode. Fitting trains with a {@link DistributedTrainer} and returns a
 * {@link ChainruleModel} that holds the trained network as a Chainrule model file.
 */
public abstract class ChainruleEstimator extends Estimator<ChainruleModel> implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> layers;
    private final Param<String> outputActivation;
    private final Param<String> loss;
    private final Param<String> optimizer;
    private final Param<String> schedule;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final LongParam seed;
    private final Param<String> dtype;
    private final Param<String> backend;
    private final Param<String> mode;
    private final IntParam localSteps;

    /** An estimator named {@code uid} with the defaults of its task. */
    protected ChainruleEstimator(String uid, String defaultOutput, String defaultLoss) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column: a vector or an array of numbers");
        labelCol = new Param<>(this, "labelCol", "label column");
        predictionCol = new Param<>(this, "predictionCol", "prediction column");
        layers = new Param<>(this, "layers", "hidden layers, such as 64:tanh,dropout(0.2),32:relu");
        outputActivation = new Param<>(this, "outputActivation", "the output layer's activation spec");
        loss = new Param<>(this, "loss", "the loss spec");
        optimizer = new Param<>(this, "optimizer", "the optimizer spec");
        schedule = new Param<>(this, "schedule", "the learning-rate schedule spec");
        epochs = new IntParam(this, "epochs", "passes over the data (>= 1)");
        batchSize = new IntParam(this, "batchSize", "rows per global mini-batch (>= 1)");
        seed = new LongParam(this, "seed", "seed of initialisation, shuffling and training noise");
        dtype = new Param<>(this, "dtype", "float32 or float64");
        backend = new Param<>(this, "backend", "the tensor backend's name, or empty for the automatic choice");
        mode = new Param<>(this, "mode", "synchronous or parameter_averaging");
        localSteps = new IntParam(this, "localSteps", "parameter averaging: local steps between averages (>= 1)");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(layers, "64:relu");
        setDefault(outputActivation, defaultOutput);
        setDefault(loss, defaultLoss);
        setDefault(optimizer, "adam(lr=0.002)");
        setDefault(schedule, "constant");
        setDefault(epochs, 10);
        setDefault(batchSize, 32);
        setDefault(seed, 1L);
        setDefault(dtype, "float32");
        setDefault(backend, "");
        setDefault(mode, "synchronous");
        setDefault(localSteps, 4);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The features column. */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** The label column. */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** The prediction column. */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The hidden layers. */
    public Param<String> layers() {
        return layers;
    }

    /** The output activation. */
    public Param<String> outputActivation() {
        return outputActivation;
    }

    /** The loss. */
    public Param<String> loss() {
        return loss;
    }

    /** The optimizer. */
    public Param<String> optimizer() {
        return optimizer;
    }

    /** The learning-rate schedule. */
    public Param<String> schedule() {
        return schedule;
    }

    /** Epochs. */
    public IntParam epochs() {
        return epochs;
    }

    /** Rows per global mini-batch. */
    public IntParam batchSize() {
        return batchSize;
    }

    /** The seed. */
    public LongParam seed() {
        return seed;
    }

    /** The dtype. */
    public Param<String> dtype() {
        return dtype;
    }

    /** The backend. */
    public Param<String> backend() {
        return backend;
    }

    /** The distributed mode. */
    public Param<String> mode() {
        return mode;
    }

    /** Local steps between averages. */
    public IntParam localSteps() {
        return localSteps;
    }

    /** Sets {@code param} to {@code value}; returns this estimator. */
    public <T> ChainruleEstimator with(Param<T> param, T value) {
        set(param, value);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return ChainruleModel.outputSchema(schema, $(featuresCol), $(predictionCol), probabilityColumn());
    }

    /** The probability column, or empty for a regressor. */
    abstract Optional<String> probabilityColumn();

    /** How the label column becomes targets for {@code frame}. */
    abstract TargetEncoding encoding(Dataset<Row> frame, String labelColumn);

    @Override
    public ChainruleModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> frame = dataset.toDF();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Chainrule chainrule = Chainrule.create(Plugins.discover(loader != null ? loader : getClass().getClassLoader()),
                $(backend).isBlank() ? Optional.empty() : Optional.of($(backend)));
        TrainingData data = TrainingData.fromDataFrame(frame, $(featuresCol), $(labelCol),
                encoding(frame, $(labelCol)));
        try {
            NetworkBuilder builder = chainrule.network(data.featureCount()).dtype(dtype($(dtype))).seed((Long) $(seed));
            Network network = LayerList.addTo(builder, $(layers)).dense(data.targetCount(), $(outputActivation))
                    .build();
            TrainingConfig config = chainrule.training($(loss), $(optimizer)).schedule(chainrule.schedule($(schedule)))
                    .epochs((Integer) $(epochs)).batchSize((Integer) $(batchSize)).seed((Long) $(seed)).build();
            new DistributedTrainer(JavaSparkContext.fromSparkContext(frame.sparkSession().sparkContext()), chainrule,
                    options()).fit(data, network, config);
            byte[] model = ModelFile.encode(network, Map.of(ChainruleModel.LOSS, $(loss), ChainruleModel.TASK,
                    probabilityColumn().isPresent() ? ChainruleModel.CLASSIFICATION : "regression"));
            ChainruleModel fitted = new ChainruleModel(uid, model);
            fitted.set(fitted.featuresCol(), $(featuresCol));
            fitted.set(fitted.predictionCol(), $(predictionCol));
            probabilityColumn().ifPresent(column -> fitted.set(fitted.probabilityCol(), column));
            return fitted.setParent(this);
        } finally {
            data.release();
        }
    }

    private DistributedOptions options() {
        return switch ($(mode).toLowerCase(Locale.ROOT)) {
            case "synchronous" -> DistributedOptions.defaults();
            case "parameter_averaging" -> DistributedOptions.defaults().parameterAveraging((Integer) $(localSteps));
            default -> throw new IllegalArgumentException("mode '" + $(mode)
                    + "' is not one of synchronous, parameter_averaging");
        };
    }

    private static DType dtype(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new IllegalArgumentException("dtype '" + name + "' is not one of float32, float64");
        };
    }
}

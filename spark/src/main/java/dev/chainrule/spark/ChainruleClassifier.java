package dev.chainrule.spark;

import java.util.Optional;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A Spark ML estimator that trains a Chainrule classifier: labels are class indices 0 to {@code numClasses - 1} (as
 * {@code StringIndexer} makes them; {@code numClasses} 0, the default, counts them as the largest label + 1), the
 * output layer has one unit per class ({@code softmax} by default) and the loss is {@code categorical_cross_entropy}.
 * Its model adds a probability column (the network's outputs) and a prediction column (the most probable class).
 *
 * <pre>{@code
 * Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
 *         new VectorAssembler().setInputCols(columns).setOutputCol("raw"),
 *         new StandardScaler().setInputCol("raw").setOutputCol("features"),
 *         new ChainruleClassifier().with(classifier.layers(), "32:tanh,16:relu").with(classifier.epochs(), 20)});
 * PipelineModel model = pipeline.fit(training);
 * }</pre>
 */
public final class ChainruleClassifier extends ChainruleEstimator {

    private static final long serialVersionUID = 1L;

    private final Param<String> probabilityCol;
    private final IntParam numClasses;

    /** A classifier with a fresh uid and the defaults. */
    public ChainruleClassifier() {
        this(Identifiable$.MODULE$.randomUID("chainrule_classifier"));
    }

    /** A classifier named {@code uid}. */
    public ChainruleClassifier(String uid) {
        super(uid, "softmax", "categorical_cross_entropy");
        probabilityCol = new Param<>(this, "probabilityCol", "probability column");
        numClasses = new IntParam(this, "numClasses", "number of classes, or 0 to count them in the data");
        setDefault(probabilityCol, "probability");
        setDefault(numClasses, 0);
    }

    /** The probability column. */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** The number of classes (0: the largest label + 1). */
    public IntParam numClasses() {
        return numClasses;
    }

    @Override
    Optional<String> probabilityColumn() {
        return Optional.of($(probabilityCol));
    }

    @Override
    TargetEncoding encoding(Dataset<Row> frame, String labelColumn) {
        int classes = (Integer) $(numClasses);
        if (classes == 0) {
            Row largest = frame.agg(functions.max(functions.col(labelColumn))).first();
            if (largest.isNullAt(0)) {
                throw new IllegalArgumentException("the label column '" + labelColumn + "' has no values");
            }
            classes = (int) ((Number) largest.get(0)).doubleValue() + 1;
        }
        return TargetEncoding.oneHot(classes);
    }

    @Override
    public ChainruleClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a classifier that {@code write().save(path)} wrote. */
    public static MLReader<ChainruleClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads a classifier from {@code path}. */
    public static ChainruleClassifier load(String path) {
        return read().load(path);
    }
}

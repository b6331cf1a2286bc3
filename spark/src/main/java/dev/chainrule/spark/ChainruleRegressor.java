package dev.chainrule.spark;

import java.util.Optional;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Spark ML estimator that trains a Chainrule regression network: the label is a number (one output, the model's
 * prediction column) or a vector or array of numbers (one output each; the prediction is then the first), the output
 * activation {@code identity} and the loss {@code mse} by default.
 */
public final class ChainruleRegressor extends ChainruleEstimator {

    private static final long serialVersionUID = 1L;

    /** A regressor with a fresh uid and the defaults. */
    public ChainruleRegressor() {
        this(Identifiable$.MODULE$.randomUID("chainrule_regressor"));
    }

    /** A regressor named {@code uid}. */
    public ChainruleRegressor(String uid) {
        super(uid, "identity", "mse");
    }

    @Override
    Optional<String> probabilityColumn() {
        return Optional.empty();
    }

    @Override
    TargetEncoding encoding(Dataset<Row> frame, String labelColumn) {
        return TargetEncoding.values();
    }

    @Override
    public ChainruleRegressor copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a regressor that {@code write().save(path)} wrote. */
    public static MLReader<ChainruleRegressor> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads a regressor from {@code path}. */
    public static ChainruleRegressor load(String path) {
        return read().load(path);
    }
}

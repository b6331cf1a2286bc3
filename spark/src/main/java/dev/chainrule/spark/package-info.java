/**
 * Chainrule on Apache Spark: data-parallel training of any Chainrule network over the partitions of a Spark data set
 * ({@link dev.chainrule.spark.DistributedTrainer}), synchronous (every global mini-batch's gradient summed over the
 * partitions by a tree aggregation, the optimizer on the driver: the single-machine result up to summation order) or
 * by parameter averaging; and a Spark ML estimator and model ({@link dev.chainrule.spark.ml.ChainruleClassifier},
 * {@link dev.chainrule.spark.ml.ChainruleRegressor}) for pipelines.
 */
package dev.chainrule.spark;

/**
 * JMH benchmarks of Chainrule's backends: FLOAT32 matrix products ({@link dev.chainrule.benchmarks.GemmBenchmark}),
 * training epochs of the seed network ({@link dev.chainrule.benchmarks.TrainingBenchmark}), inference
 * ({@link dev.chainrule.benchmarks.InferenceBenchmark}), and the peak memory of a training run; {@code BenchmarkMain}
 * runs them all and prints a report with the plain / nd4j ratios.
 */
package dev.chainrule.benchmarks;

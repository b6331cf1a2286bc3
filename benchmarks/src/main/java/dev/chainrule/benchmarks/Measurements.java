package dev.chainrule.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark run measured, for the report.
 *
 * @param scores       every JMH benchmark's score
 * @param peakBytes    per backend, the peak resident set of the README's Fashion-MNIST command
 * @param quietEpochs  per backend, the seconds of each epoch of a fresh JVM ({@link EpochTimes})
 * @param loadedEpochs per backend, the same with a competing CPU-bound process running ({@link CompetingLoad})
 * @param pytorch      PyTorch's figures from the same run, when PyTorch is installed
 */
record Measurements(List<Score> scores, Map<String, Long> peakBytes, Map<String, double[]> quietEpochs,
        Map<String, double[]> loadedEpochs, Optional<PyTorchReference.PyTorchResults> pytorch) {

    Measurements {
        scores = List.copyOf(scores);
        peakBytes = Map.copyOf(peakBytes);
        quietEpochs = Map.copyOf(quietEpochs);
        loadedEpochs = Map.copyOf(loadedEpochs);
    }
}

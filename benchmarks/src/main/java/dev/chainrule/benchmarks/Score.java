package dev.chainrule.benchmarks;

import java.util.Map;

/**
 * One benchmark's result: which benchmark, with which parameters, and its seconds per operation.
 *
 * @param benchmark the benchmark's simple name, for example {@code GemmBenchmark}
 * @param params    its JMH parameters by name
 * @param seconds   seconds per operation
 */
record Score(String benchmark, Map<String, String> params, double seconds) {

    Score {
        params = Map.copyOf(params);
    }

    /** Parameter {@code name}. */
    String param(String name) {
        return params.get(name);
    }
}

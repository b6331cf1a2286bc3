package dev.chainrule.backend.nd4j;

import java.util.function.UnaryOperator;

/**
 * How many threads ND4J's element-wise kernels (OpenMP) and OpenBLAS's matrix products may use.
 *
 * <p>Chosen, strongest first: the system property {@value #PROPERTY} (one number for both pools); the environment
 * variable {@code OMP_NUM_THREADS}, which ND4J and OpenBLAS read themselves and which is then left alone; else one
 * kernel thread and half the cores for OpenBLAS. ND4J's own default, every core for both pools, oversubscribes a small
 * machine: the kernels of a training step work on a few ten thousand numbers, too few to repay handing work to a
 * second thread, and each parallel region waits for its slowest thread, which on a busy 2-core machine may not even be
 * scheduled. Measured there on the network of {@code BackendThroughput}: two kernel threads trained 15 to 30 times
 * slower than one, and a second BLAS thread gained nothing.
 *
 * @param kernelThreads threads for ND4J's own kernels, or 0 to keep ND4J's choice
 * @param blasThreads   threads for OpenBLAS, or 0 to keep ND4J's choice
 * @param source        where the numbers came from, for the log
 */
record ThreadSettings(int kernelThreads, int blasThreads, String source) {

    /** The system property that sets both thread counts. */
    static final String PROPERTY = "chainrule.nd4j.threads";

    ThreadSettings {
        if (kernelThreads < 0 || blasThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0, got " + kernelThreads + " and "
                    + blasThreads);
        }
    }

    /** The settings for this JVM. */
    static ThreadSettings fromEnvironment() {
        return choose(System::getProperty, System::getenv, Runtime.getRuntime().availableProcessors());
    }

    /** The settings from the given property and environment lookups (null for absent) and core count. */
    static ThreadSettings choose(UnaryOperator<String> properties, UnaryOperator<String> environment, int cores) {
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            int threads = parse(property.trim());
            return new ThreadSettings(threads, threads, "-D" + PROPERTY + "=" + threads);
        }
        String omp = environment.apply("OMP_NUM_THREADS");
        if (omp != null && !omp.isBlank()) {
            return new ThreadSettings(0, 0, "OMP_NUM_THREADS=" + omp.trim());
        }
        return new ThreadSettings(1, Math.max(1, cores / 2), "default for " + cores + " cores");
    }

    private static int parse(String value) {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " must be a whole number >= 1, got '" + value + "'");
    }
}

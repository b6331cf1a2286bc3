package dev.chainrule.backend.nd4j;

import java.util.function.UnaryOperator;

/**
 * How many threads ND4J's element-wise kernels (OpenMP) and OpenBLAS's matrix products may use.
 *
 * <p>Chosen, strongest first: the system property {@value #PROPERTY} (one number for both pools); the environment
 * variable {@code OMP_NUM_THREADS}, which ND4J and OpenBLAS read themselves and which is then left alone; else two
 * kernel threads (one on a single core) and half the cores for OpenBLAS. ND4J's own default, every core for both
 * pools, oversubscribes a small machine: OpenBLAS's idle threads spin on the cores that the kernels want next, and
 * each parallel region waits for its slowest thread. Measured on two cores with the seed network (784-256-128-64-10,
 * batch 128): two threads for both pools trained 3 to 30 times slower than one, with half the time in the kernel
 * scheduler; two kernel threads with one BLAS thread beat one of each, above all with Adam, whose square root ND4J
 * computes one element at a time. More kernel threads were not measured, so the default stops at two.
 *
 * @param kernelThreads threads for ND4J's own kernels, or 0 to keep ND4J's choice
 * @param blasThreads   threads for OpenBLAS, or 0 to keep ND4J's choice
 * @param source        where the numbers came from, for the log
 */
record ThreadSettings(int kernelThreads, int blasThreads, String source) {

    /** The system property that sets both thread counts. */
    static final String PROPERTY = "chainrule.nd4j.threads";

    /** The most kernel threads of the default. */
    static final int DEFAULT_KERNEL_THREADS = 2;

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
        return new ThreadSettings(Math.min(cores, DEFAULT_KERNEL_THREADS), Math.max(1, cores / 2),
                "default for " + cores + " cores");
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

package dev.chainrule.backend.nd4j;

import java.util.function.UnaryOperator;

/**
 * How many threads ND4J's element-wise kernels (OpenMP) and OpenBLAS's matrix products may use, and how many numbers
 * an element-wise kernel needs per thread before it splits.
 *
 * <p>Chosen, strongest first: the system property {@value #PROPERTY} (one number for both pools); the environment
 * variable {@code OMP_NUM_THREADS}, which ND4J and OpenBLAS read themselves and which is then left alone; else every
 * core for the kernels and half the cores for OpenBLAS. Either way but the environment's, a kernel splits only when
 * each thread gets at least {@value #NUMBERS_PER_THREAD} numbers (ND4J's own threshold is 1,024). ND4J's default,
 * every core for both pools and a split from a thousand numbers on, oversubscribes a small machine: most kernels of a
 * training step work on a few ten thousand numbers, too few to repay a second thread, each parallel region waits for
 * its slowest thread, and OpenBLAS's idle threads spin on the cores the kernels want. Measured on two cores with the
 * seed network (784-256-128-64-10, batch 128): two threads for both pools at ND4J's threshold trained 3 to 30 times
 * slower than one; one kernel thread and one BLAS thread was the best of those; two kernel threads that split only
 * from {@value #NUMBERS_PER_THREAD} numbers per thread (so only the 784 x 256 first layer's parameters and optimizer
 * state) trained 5 to 11% faster with SGD and 13 to 25% faster with Adam, whose square root ND4J computes one element
 * at a time.
 *
 * @param kernelThreads      threads for ND4J's own kernels, or 0 to keep ND4J's choice
 * @param blasThreads        threads for OpenBLAS, or 0 to keep ND4J's choice
 * @param numbersPerThread   the fewest numbers an element-wise kernel gives each thread, or 0 to keep ND4J's choice
 * @param source             where the numbers came from, for the log
 */
record ThreadSettings(int kernelThreads, int blasThreads, int numbersPerThread, String source) {

    /** The system property that sets both thread counts. */
    static final String PROPERTY = "chainrule.nd4j.threads";

    /** The fewest numbers per thread at which an element-wise kernel splits, unless the environment decides. */
    static final int NUMBERS_PER_THREAD = 65_536;

    ThreadSettings {
        if (kernelThreads < 0 || blasThreads < 0 || numbersPerThread < 0) {
            throw new IllegalArgumentException("thread settings must be >= 0, got " + kernelThreads + ", "
                    + blasThreads + " and " + numbersPerThread);
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
            return new ThreadSettings(threads, threads, NUMBERS_PER_THREAD, "-D" + PROPERTY + "=" + threads);
        }
        String omp = environment.apply("OMP_NUM_THREADS");
        if (omp != null && !omp.isBlank()) {
            return new ThreadSettings(0, 0, 0, "OMP_NUM_THREADS=" + omp.trim());
        }
        return new ThreadSettings(cores, Math.max(1, cores / 2), NUMBERS_PER_THREAD, "default for " + cores + " cores");
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

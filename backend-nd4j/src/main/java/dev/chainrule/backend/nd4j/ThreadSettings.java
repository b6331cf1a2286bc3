package dev.chainrule.backend.nd4j;

import java.util.function.UnaryOperator;

/**
 * How many threads ND4J's element-wise kernels and OpenBLAS's matrix products may use.
 *
 * <p>Chosen, strongest first: the system property {@value #PROPERTY} (one number for both pools); the environment
 * variable {@code OMP_NUM_THREADS}, which ND4J and OpenBLAS read themselves and which is then left alone; else
 * OpenBLAS gets every core and the kernels one thread. The kernels of a training step work on a few ten thousand
 * numbers, too few to repay waking a second thread, while a second kernel thread would compete with the BLAS threads
 * that ND4J leaves spinning after each product; on a 2-core machine that oversubscription costs more than it gains.
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
        return new ThreadSettings(1, Math.max(1, cores), "default for " + cores + " cores");
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

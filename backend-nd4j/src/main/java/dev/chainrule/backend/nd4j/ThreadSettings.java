package dev.chainrule.backend.nd4j;

import java.util.function.UnaryOperator;

/**
 * How many threads ND4J's element-wise kernels (OpenMP), OpenBLAS's matrix products and the backend's own Java
 * threads that share a large product ({@link SharedProduct}) may use.
 *
 * <p>Chosen, strongest first: the system property {@value #PROPERTY} (one number for ND4J's and OpenBLAS's pools, and
 * no Java sharing); the environment variable {@code OMP_NUM_THREADS}, which ND4J and OpenBLAS read themselves and
 * which is then left alone; else one kernel thread, one OpenBLAS thread, and every core for the Java threads that
 * share a large product. Native pools spin while they wait (OpenMP's default wait policy is active, and the policy is
 * read from the environment when the library loads, so a running JVM cannot change it): ND4J's default, every core for
 * both pools, trained the seed network 3 to 30 times slower than one thread on two cores, and two kernel threads
 * collapsed to about a tenth of their speed beside another busy program, where a passive wait policy kept four times
 * more. Java threads sleep while they wait, so the default keeps the native pools at one thread and does the sharing
 * in Java.
 *
 * @param kernelThreads  threads for ND4J's own kernels, or 0 to keep ND4J's choice
 * @param blasThreads    threads for OpenBLAS, or 0 to keep ND4J's choice
 * @param productThreads Java threads that share a large matrix product (1: none)
 * @param source         where the numbers came from, for the log
 */
record ThreadSettings(int kernelThreads, int blasThreads, int productThreads, String source) {

    /** The system property that sets both thread counts. */
    static final String PROPERTY = "chainrule.nd4j.threads";

    ThreadSettings {
        if (kernelThreads < 0 || blasThreads < 0 || productThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 0 (products >= 1), got " + kernelThreads
                    + ", " + blasThreads + " and " + productThreads);
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
            return new ThreadSettings(threads, threads, 1, "-D" + PROPERTY + "=" + threads);
        }
        String omp = environment.apply("OMP_NUM_THREADS");
        if (omp != null && !omp.isBlank()) {
            return new ThreadSettings(0, 0, 1, "OMP_NUM_THREADS=" + omp.trim());
        }
        return new ThreadSettings(1, 1, Math.max(1, cores), "default for " + cores + " cores");
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

package dev.chainrule.backend.plain;

import java.util.Locale;
import java.util.Random;

/**
 * A quick, untimed-by-the-build measurement of FLOAT32 products of square matrices, in GFLOP/s: the former naive
 * loop as the baseline, then each kernel on one and on all threads. Not a test and not a benchmark of record (that
 * is JMH's job); run it by hand, on a quiet machine, as the backend-plain README shows.
 */
public final class MatrixMultiplyMeasurement {

    private MatrixMultiplyMeasurement() {
    }

    /** Arguments: sizes to measure (default 256 512 1024). */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {256, 512, 1024}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int threads = ComputePool.threadsFrom(System.getProperty(ComputePool.PROPERTY));
        ComputePool one = new ComputePool(1);
        ComputePool all = new ComputePool(threads);
        KernelChoice scalar = KernelChoice.scalar("measured");
        KernelChoice vector = KernelChoice.select("auto");
        System.out.println("threads " + threads + ", best of 5 runs of about 0.3 s each, GFLOP/s");
        for (int n : sizes) {
            float[] a = random(n * n, 1);
            float[] b = random(n * n, 2);
            float[] c = new float[n * n];
            double naive = measure(n, () -> naive(a, b, c, n));
            System.out.printf(Locale.ROOT, "n=%4d  naive loop      %7.1f%n", n, naive);
            report(n, "scalar 1 thread ", new MatrixMultiply(scalar, one), a, b, c, naive);
            report(n, "scalar " + threads + " threads", new MatrixMultiply(scalar, all), a, b, c, naive);
            report(n, "vector 1 thread ", new MatrixMultiply(vector, one), a, b, c, naive);
            report(n, "vector " + threads + " threads", new MatrixMultiply(vector, all), a, b, c, naive);
        }
    }

    private static void report(int n, String label, MatrixMultiply product, float[] a, float[] b, float[] c,
            double naive) {
        double rate = measure(n, () -> product.float32(a, false, n, b, false, n, c, n, n, n));
        System.out.printf(Locale.ROOT, "n=%4d  %s %7.1f  (%.1fx naive)%n", n, label, rate, rate / naive);
    }

    /** The best rate of five runs, each repeating the product for about 0.3 s after a warm-up run. */
    private static double measure(int n, Runnable product) {
        double flops = 2.0 * n * n * n;
        double best = 0;
        product.run();
        for (int run = 0; run < 6; run++) {
            int repeats = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                product.run();
                repeats++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 300_000_000L);
            if (run > 0) {
                best = Math.max(best, flops * repeats / elapsed);
            }
        }
        return best;
    }

    /** The former plain backend's loop, i-k-j without blocking: the baseline. */
    private static void naive(float[] a, float[] b, float[] c, int n) {
        java.util.Arrays.fill(c, 0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }

    private static float[] random(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}

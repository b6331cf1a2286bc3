package dev.chainrule.backend.plain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A quick measurement of FLOAT32 products of square matrices, in GFLOP/s: the former naive loop as the baseline,
 * then each kernel on one and on all threads. The candidates take turns, round after round, and each keeps its best
 * round, so that a busy machine slows them all alike; compare the ratios, not the absolute figures. Not a test and
 * not the benchmark of record (that is JMH's job): run it by hand as the backend-plain README shows.
 */
public final class MatrixMultiplyMeasurement {

    private static final long ROUND_NANOS = 250_000_000L;

    private MatrixMultiplyMeasurement() {
    }

    /** Arguments: the number of rounds (default 5), then the sizes (default 256 512 1024). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] sizes = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {256, 512, 1024};
        int threads = ComputePool.threadsFrom(System.getProperty(ComputePool.PROPERTY));
        ComputePool one = new ComputePool(1);
        ComputePool all = new ComputePool(threads);
        KernelChoice scalar = KernelChoice.scalar("measured");
        KernelChoice vector = KernelChoice.select("vector");
        System.out.printf(Locale.ROOT, "GFLOP/s, best of %d rounds of %.2f s; %s%n", rounds, ROUND_NANOS / 1e9,
                vector.float32().description());
        for (int n : sizes) {
            float[] a = random(n * n, 1);
            float[] b = random(n * n, 2);
            float[] c = new float[n * n];
            List<Candidate> candidates = List.of(
                    new Candidate("naive loop", () -> naive(a, b, c, n)),
                    candidate("scalar, 1 thread", new MatrixMultiply(scalar, one), a, b, c, n),
                    candidate("scalar, " + threads + " threads", new MatrixMultiply(scalar, all), a, b, c, n),
                    candidate("vector, 1 thread", new MatrixMultiply(vector, one), a, b, c, n),
                    candidate("vector, " + threads + " threads", new MatrixMultiply(vector, all), a, b, c, n));
            double[] best = new double[candidates.size()];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < best.length; i++) {
                    best[i] = Math.max(best[i], rate(n, candidates.get(i).product()));
                }
            }
            for (int i = 0; i < best.length; i++) {
                System.out.printf(Locale.ROOT, "n=%4d  %-18s %7.1f  %6.1fx naive%n", n, candidates.get(i).name(),
                        best[i], best[i] / best[0]);
            }
        }
    }

    private static Candidate candidate(String name, MatrixMultiply product, float[] a, float[] b, float[] c, int n) {
        return new Candidate(name, () -> product.float32(a, false, n, b, false, n, c, n, n, n));
    }

    /** GFLOP/s of one round: a warm-up product, then as many as fit in the round. */
    private static double rate(int n, Runnable product) {
        product.run();
        int repeats = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            product.run();
            repeats++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        return 2.0 * n * n * n * repeats / elapsed;
    }

    /** The former plain backend's loop, i-k-j without blocking: the baseline. */
    private static void naive(float[] a, float[] b, float[] c, int n) {
        Arrays.fill(c, 0);
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

    private record Candidate(String name, Runnable product) {
    }
}

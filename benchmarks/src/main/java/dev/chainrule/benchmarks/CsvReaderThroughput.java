package dev.chainrule.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.data.Batch;
import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.data.BatchStream;
import dev.chainrule.core.data.CsvSource;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The streaming CSV reader alone, without training: Fashion-MNIST's training images written as CSV as
 * {@link StreamingThroughput} writes them, read in two ways per round. {@code parse}: every cell of every line read as
 * a number into a row of doubles on one thread ({@link CsvSource#scan}), rows per second. {@code stream}: one shuffled pass of the
 * {@link CsvSource} that training streams (read-ahead thread, shuffle buffer, batches of {@value SeedNetwork#BATCH})
 * with every batch written into FLOAT32 tensors of the plain backend as the trainer does, rows per second of wall time
 * and rows per second of the process's CPU time (all threads: what the reader takes from training on a busy machine).
 * Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * dev.chainrule.benchmarks.CsvReaderThroughput [rows] [rounds]}.
 */
final class CsvReaderThroughput {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CsvReaderThroughput() {
    }

    /** Prints every round's figures and their medians. */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path csv = FashionMnistCsv.temporary(rows).csv();
        try {
            TensorBackend backend = Chainrule.create("plain").backend();
            CsvSource source = FashionMnistCsv.source(csv);
            double[] parsed = new double[rounds];
            double[] streamed = new double[rounds];
            double[] perCpu = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                parsed[round] = parse(csv);
                double[] stream = stream(source, backend, round);
                streamed[round] = stream[0];
                perCpu[round] = stream[1];
                System.out.printf(Locale.ROOT, "round %d: parse %.0f rows/s; stream %.0f rows/s, %.0f rows per CPU "
                        + "second%n", round + 1, parsed[round], streamed[round], perCpu[round]);
            }
            System.out.printf(Locale.ROOT, "medians: parse %.0f rows/s; stream %.0f rows/s, %.0f rows per CPU second;"
                    + " load average now %.1f%n", StreamingThroughput.median(parsed),
                    StreamingThroughput.median(streamed), StreamingThroughput.median(perCpu),
                    Machine.current().loadAverage());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double parse(Path csv) throws IOException {
        long start = System.nanoTime();
        double[] cells = new double[SeedNetwork.INPUTS + 1];
        double[] sum = new double[1];
        long[] count = new long[1];
        CsvSource.scan(csv, false, row -> {
            for (int c = 0; c < cells.length; c++) {
                cells[c] = row.number(c);
            }
            sum[0] += cells[(int) (count[0]++ % cells.length)];
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(sum[0])) {
            throw new IllegalStateException("a pixel read as NaN");
        }
        return count[0] / seconds;
    }

    /** Rows per second of wall time and of CPU time. */
    private static double[] stream(CsvSource source, TensorBackend backend, int round) {
        Tensor x = backend.zeros(DType.FLOAT32, new Shape(SeedNetwork.BATCH, SeedNetwork.INPUTS));
        Tensor y = backend.zeros(DType.FLOAT32, new Shape(SeedNetwork.BATCH, SeedNetwork.CLASSES));
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long rows = 0;
        BatchSource.Pass pass = new BatchSource.Pass(1, SeedNetwork.BATCH, Optional.of(new SplittableRandom(round)));
        try (BatchStream batches = source.open(pass)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                if (batch.rows() != SeedNetwork.BATCH) {
                    x = backend.zeros(DType.FLOAT32, new Shape(batch.rows(), SeedNetwork.INPUTS));
                    y = backend.zeros(DType.FLOAT32, new Shape(batch.rows(), SeedNetwork.CLASSES));
                }
                batch.writeTo(x, y);
                rows += batch.rows();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        return new double[] {rows / seconds, rows / cpuSeconds};
    }
}

package dev.chainrule.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The report of a benchmark run as Markdown: GFLOP/s of every product, samples per second of training and inference,
 * peak memory, each with the plain / nd4j ratio, and the targets, each met or not.
 */
final class SummaryTable {

    /** The backends, in the order of the table's columns. */
    static final String PLAIN = "plain";
    static final String ND4J = "nd4j";

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private final List<Score> scores;
    private final Map<String, long[]> defaultHeap;
    private final Map<String, long[]> cappedHeap;
    private final List<String> lines = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    /**
     * @param scores          every benchmark's score
     * @param defaultHeap     per backend, the peak resident set and the data's FLOAT32 size in bytes with the JVM's own
     *                        heap sizing
     * @param cappedHeap      the same with the heap capped ({@link PeakMemory#CAPPED_HEAP})
     */
    SummaryTable(List<Score> scores, Map<String, long[]> defaultHeap, Map<String, long[]> cappedHeap) {
        this.scores = List.copyOf(scores);
        this.defaultHeap = Map.copyOf(defaultHeap);
        this.cappedHeap = Map.copyOf(cappedHeap);
    }

    /** The report, headed by the machine and the data's source. */
    String render(Machine machine, String dataSource) {
        lines.clear();
        targets.clear();
        lines.add("Measured " + machine.describe() + ". Training data: " + dataSource + ".");
        lines.add("");
        gemm();
        training();
        inference();
        memory();
        lines.add("Targets:");
        lines.add("");
        targets.forEach(target -> lines.add("- " + target));
        return String.join("\n", lines) + "\n";
    }

    private void gemm() {
        lines.add("| FLOAT32 product | plain GFLOP/s | nd4j GFLOP/s | plain / nd4j |");
        lines.add("| --- | ---: | ---: | ---: |");
        List<String> shapes = new ArrayList<>(GemmShape.SQUARES);
        shapes.addAll(GemmShape.seedStep());
        for (String shape : shapes) {
            GemmShape product = GemmShape.parse(shape);
            OptionalDouble plain = gemmSeconds(PLAIN, shape);
            OptionalDouble nd4j = gemmSeconds(ND4J, shape);
            row(product + (GemmShape.SQUARES.contains(shape) ? "" : " (seed step)"),
                    rate(product.flops(), plain) / 1e9, rate(product.flops(), nd4j) / 1e9, "%.1f");
        }
        row("seed step, all 11 products (b=128)", stepRate(PLAIN) / 1e9, stepRate(ND4J) / 1e9, "%.1f");
        lines.add("");
        for (String n : List.of("512", "1024")) {
            double flops = GemmShape.parse(n).flops();
            double ratio = rate(flops, gemmSeconds(PLAIN, n)) / rate(flops, gemmSeconds(ND4J, n));
            target("plain GEMM n=" + n + " >= 30% of nd4j's", ratio, ratio >= 0.3, "%.0f%%", 100);
        }
    }

    private void training() {
        lines.add("| seed network, one epoch of 60,000 rows, batch 128 | plain samples/s | nd4j samples/s "
                + "| plain / nd4j |");
        lines.add("| --- | ---: | ---: | ---: |");
        for (String optimizer : List.of("sgd", "adam")) {
            row("training, " + SeedNetwork.optimizer(optimizer), trainingRate(PLAIN, optimizer),
                    trainingRate(ND4J, optimizer), "%,.0f");
        }
        lines.add("");
        for (String optimizer : List.of("sgd", "adam")) {
            double ratio = trainingRate(PLAIN, optimizer) / trainingRate(ND4J, optimizer);
            target("training with " + optimizer + ": plain >= 35% of nd4j", ratio, ratio >= 0.35, "%.0f%%", 100);
        }
        double bound = stepRate(ND4J);
        for (String optimizer : List.of("sgd", "adam")) {
            double used = trainingRate(ND4J, optimizer) * 6 * SeedNetwork.WEIGHTS / bound;
            target(String.format(Locale.ROOT, "training with %s: nd4j >= 70%% of its GEMM bound (samples/s x 6 x "
                    + "%,d weights / its %.1f GFLOP/s at the step's products)", optimizer, SeedNetwork.WEIGHTS,
                    bound / 1e9), used, used >= 0.7, "%.0f%%", 100);
        }
    }

    private void inference() {
        lines.add("| seed network inference | plain | nd4j | plain / nd4j (speed) |");
        lines.add("| --- | ---: | ---: | ---: |");
        double plainOne = inferenceSeconds(PLAIN, 1);
        double nd4jOne = inferenceSeconds(ND4J, 1);
        lines.add(String.format(Locale.ROOT, "| batch 1, latency (µs) | %s | %s | %s |", number(plainOne * 1e6, "%.1f"),
                number(nd4jOne * 1e6, "%.1f"), ratio(nd4jOne / plainOne)));
        row("batch 1024, samples/s", 1024 / inferenceSeconds(PLAIN, 1024), 1024 / inferenceSeconds(ND4J, 1024),
                "%,.0f");
        lines.add("");
        target("batch-1 inference on plain < 25 µs", plainOne * 1e6, plainOne < 25e-6, "%.1f µs", 1);
    }

    private void memory() {
        if (defaultHeap.isEmpty() && cappedHeap.isEmpty()) {
            return;
        }
        long data = (defaultHeap.isEmpty() ? cappedHeap : defaultHeap).values().iterator().next()[1];
        double limit = 1.5 * data + 200 * MEGABYTE;
        lines.add(String.format(Locale.ROOT, "| peak resident memory (VmHWM, MiB), training one epoch with validation; "
                + "data %.0f MiB as FLOAT32, limit 1.5 x data + 200 MiB = %.0f MiB | plain | nd4j |", data / MEGABYTE,
                limit / MEGABYTE));
        lines.add("| --- | ---: | ---: |");
        lines.add("| JVM's defaults | " + megabytes(defaultHeap, PLAIN) + " | "
                + megabytes(defaultHeap, ND4J) + " |");
        lines.add("| heap capped (" + String.join(" ", PeakMemory.CAPPED_HEAP) + ") | "
                + megabytes(cappedHeap, PLAIN) + " | " + megabytes(cappedHeap, ND4J) + " |");
        lines.add("");
        for (String backend : List.of(PLAIN, ND4J)) {
            memoryTarget(backend, "JVM's defaults", defaultHeap.get(backend), limit);
            memoryTarget(backend, "heap capped", cappedHeap.get(backend), limit);
        }
    }

    private void memoryTarget(String backend, String heap, long[] measured, double limit) {
        if (measured != null) {
            target("peak memory on " + backend + ", " + heap + ", < 1.5 x data + 200 MiB", measured[0] / MEGABYTE,
                    measured[0] < limit, "%.0f MiB", 1);
        }
    }

    /** The rate of the seed step's products together: their flops over their summed times. */
    private double stepRate(String backend) {
        double flops = 0;
        double seconds = 0;
        for (String shape : GemmShape.seedStep()) {
            OptionalDouble time = gemmSeconds(backend, shape);
            if (time.isEmpty()) {
                return Double.NaN;
            }
            flops += GemmShape.parse(shape).flops();
            seconds += time.getAsDouble();
        }
        return flops / seconds;
    }

    private double trainingRate(String backend, String optimizer) {
        return find("TrainingBenchmark", Map.of("backend", backend, "optimizer", optimizer))
                .stream().map(seconds -> BenchmarkData.TRAINING_ROWS / seconds).findFirst().orElse(Double.NaN);
    }

    private double inferenceSeconds(String backend, int batch) {
        return find("InferenceBenchmark", Map.of("backend", backend, "batch", Integer.toString(batch)))
                .stream().findFirst().orElse(Double.NaN);
    }

    private OptionalDouble gemmSeconds(String backend, String shape) {
        return find("GemmBenchmark", Map.of("backend", backend, "shape", shape)).stream()
                .mapToDouble(Double::doubleValue).findFirst();
    }

    private List<Double> find(String benchmark, Map<String, String> params) {
        return scores.stream().filter(score -> score.benchmark().equals(benchmark))
                .filter(score -> params.entrySet().stream()
                        .allMatch(entry -> entry.getValue().equals(score.param(entry.getKey()))))
                .map(Score::seconds).toList();
    }

    private static double rate(double flops, OptionalDouble seconds) {
        return seconds.isPresent() ? flops / seconds.getAsDouble() : Double.NaN;
    }

    private void row(String name, double plain, double nd4j, String format) {
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", name, number(plain, format),
                number(nd4j, format), ratio(plain / nd4j)));
    }

    private void target(String what, double value, boolean met, String format, double scale) {
        String shown = Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, format, value * scale);
        targets.add(what + ": " + shown + (Double.isNaN(value) ? "" : met ? " (met)" : " (**not met**)"));
    }

    private static String megabytes(Map<String, long[]> memory, String backend) {
        long[] measured = memory.get(backend);
        return measured == null ? "-" : String.format(Locale.ROOT, "%.0f", measured[0] / MEGABYTE);
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}

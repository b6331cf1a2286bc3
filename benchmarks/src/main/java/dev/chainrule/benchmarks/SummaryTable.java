package dev.chainrule.benchmarks;

import dev.chainrule.benchmarks.PyTorchReference.PyTorchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The report of a benchmark run as Markdown: GFLOP/s of every product on each backend; training, inference and peak
 * memory of the seed network on each backend and in PyTorch, with the ratios against PyTorch and between the
 * backends; the first epochs' warm-up and the speed kept under a competing load; and the performance issue's
 * targets, each met or not. Every ratio is taken between figures of the same run.
 */
final class SummaryTable {

    /** The backends, in the order of the table's columns. */
    static final String PLAIN = "plain";
    static final String ND4J = "nd4j";

    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private final Measurements measured;
    private final List<String> lines = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    SummaryTable(Measurements measured) {
        this.measured = measured;
    }

    /** The report, headed by the machine and the data's source. */
    String render(Machine machine, String dataSource) {
        lines.clear();
        targets.clear();
        lines.add("Measured " + machine.describe() + ". Training data: " + dataSource + ".");
        lines.add("");
        gemm();
        againstPyTorch();
        warmUpAndLoad();
        lines.add("Targets:");
        lines.add("");
        targets.forEach(target -> lines.add("- " + target));
        return String.join("\n", lines) + "\n";
    }

    private void gemm() {
        lines.add("| FLOAT32 product | plain GFLOP/s | nd4j GFLOP/s | nd4j / plain |");
        lines.add("| --- | ---: | ---: | ---: |");
        List<String> shapes = new ArrayList<>(GemmShape.SQUARES);
        shapes.addAll(GemmShape.seedStep());
        for (String shape : shapes) {
            GemmShape product = GemmShape.parse(shape);
            double plain = rate(product.flops(), gemmSeconds(PLAIN, shape)) / 1e9;
            double nd4j = rate(product.flops(), gemmSeconds(ND4J, shape)) / 1e9;
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |",
                    product + (GemmShape.SQUARES.contains(shape) ? "" : " (seed step)"), number(plain, "%.1f"),
                    number(nd4j, "%.1f"), ratio(nd4j / plain)));
        }
        double plain = stepRate(PLAIN) / 1e9;
        double nd4j = stepRate(ND4J) / 1e9;
        lines.add(String.format(Locale.ROOT, "| seed step, all 11 products (b=128) | %s | %s | %s |",
                number(plain, "%.1f"), number(nd4j, "%.1f"), ratio(nd4j / plain)));
        lines.add("");
    }

    private void againstPyTorch() {
        PyTorchResults torch = measured.pytorch().orElse(null);
        lines.add("| seed network (FLOAT32) | PyTorch | plain | nd4j | plain / PyTorch | nd4j / PyTorch "
                + "| nd4j / plain |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String optimizer : List.of("sgd", "adam")) {
            double reference = torch == null ? Double.NaN
                    : torch.samplesPerSecond().getOrDefault(optimizer, Double.NaN);
            double plain = trainingRate(PLAIN, optimizer);
            double nd4j = trainingRate(ND4J, optimizer);
            speedRow("training, " + SeedNetwork.optimizer(optimizer) + ", samples/s", reference, plain, nd4j, "%,.0f");
            target("plain training with " + optimizer + " >= 1.0x PyTorch", plain / reference, 1.0);
            target("nd4j training with " + optimizer + " >= 0.8x plain", nd4j / plain, 0.8);
        }
        double torchOne = torch == null ? Double.NaN : torch.inferenceSeconds().getOrDefault(1, Double.NaN);
        double plainOne = inferenceSeconds(PLAIN, 1);
        double nd4jOne = inferenceSeconds(ND4J, 1);
        lines.add(String.format(Locale.ROOT, "| inference, batch 1, latency (µs) | %s | %s | %s | %s | %s | %s |",
                number(torchOne * 1e6, "%.1f"), number(plainOne * 1e6, "%.1f"), number(nd4jOne * 1e6, "%.1f"),
                ratio(torchOne / plainOne), ratio(torchOne / nd4jOne), ratio(plainOne / nd4jOne)));
        double torchBatch = torch == null ? Double.NaN
                : 1024 / torch.inferenceSeconds().getOrDefault(1024, Double.NaN);
        double plainBatch = 1024 / inferenceSeconds(PLAIN, 1024);
        double nd4jBatch = 1024 / inferenceSeconds(ND4J, 1024);
        speedRow("inference, batch 1024, samples/s", torchBatch, plainBatch, nd4jBatch, "%,.0f");
        double torchPeak = torch == null || torch.peakBytes() == 0 ? Double.NaN : torch.peakBytes() / MEBIBYTE;
        double plainPeak = megabytes(PLAIN);
        double nd4jPeak = megabytes(ND4J);
        lines.add(String.format(Locale.ROOT,
                "| peak memory of one Fashion-MNIST epoch (MiB) | %s | %s | %s | %s | %s | %s |",
                number(torchPeak, "%.0f"), number(plainPeak, "%.0f"), number(nd4jPeak, "%.0f"),
                ratio(plainPeak / torchPeak), ratio(nd4jPeak / torchPeak), ratio(nd4jPeak / plainPeak)));
        lines.add("");
        lines.add("Speeds are samples per second (latency: PyTorch's over ours, so above 1 means we are faster); "
                + "memory ratios are ours over PyTorch's (below 1 means we use less). PyTorch "
                + (torch == null ? "was not measured (no /usr/bin/python3 with torch)." : "ran with "
                + PyTorchReference.THREADS + " threads and Debian's OpenBLAS; its memory figure is one training epoch "
                + "with Adam and validation, ours the README's command for one epoch (`java " + String.join(" ",
                PeakMemory.JVM_OPTIONS) + " ... " + String.join(" ",
                PeakMemory.command("BACKEND", java.nio.file.Path.of("DIR"))) + "`)."));
        lines.add("");
        target("plain batch-1024 inference >= 1.0x PyTorch", plainBatch / torchBatch, 1.0);
        targets.add(String.format(Locale.ROOT, "plain batch-1 inference < 10 µs: %s", Double.isNaN(plainOne)
                ? "not measured" : String.format(Locale.ROOT, "%.1f µs%s", plainOne * 1e6, plainOne < 10e-6 ? " (met)"
                : " (**not met**)")));
        memoryTarget(PLAIN, plainPeak, 500);
        memoryTarget(ND4J, nd4jPeak, 800);
    }

    private void warmUpAndLoad() {
        lines.add("| fresh JVM, SGD (s/epoch) | epoch 1 | epoch 2 | epoch 3 | epoch 1 / epoch 2 | with a competing "
                + CompetingLoad.THREADS + "-thread process: last epoch | kept of the quiet speed |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String backend : List.of(PLAIN, ND4J)) {
            double[] quiet = measured.quietEpochs().get(backend);
            double[] loaded = measured.loadedEpochs().get(backend);
            double first = epoch(quiet, 0);
            double second = epoch(quiet, 1);
            double last = quiet == null ? Double.NaN : quiet[quiet.length - 1];
            double lastLoaded = loaded == null ? Double.NaN : loaded[loaded.length - 1];
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", backend,
                    number(first, "%.2f"), number(second, "%.2f"), number(epoch(quiet, 2), "%.2f"),
                    ratio(first / second), number(lastLoaded, "%.2f"), ratio(last / lastLoaded)));
            if (backend.equals(PLAIN)) {
                targetAtMost("plain's first epoch <= 1.3x its second", first / second, 1.3);
            }
            target(backend + " keeps >= 0.4x its quiet speed under a competing " + CompetingLoad.THREADS
                    + "-thread load", last / lastLoaded, 0.4);
        }
        lines.add("");
    }

    private void memoryTarget(String backend, double mebibytes, double limit) {
        String shown = Double.isNaN(mebibytes) ? "not measured" : String.format(Locale.ROOT, "%.0f MiB%s", mebibytes,
                mebibytes <= limit ? " (met)" : " (**not met**)");
        targets.add(String.format(Locale.ROOT, "peak memory on %s <= %.0f MiB: %s", backend, limit, shown));
    }

    private void speedRow(String name, double reference, double plain, double nd4j, String format) {
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", name, number(reference, format),
                number(plain, format), number(nd4j, format), ratio(plain / reference), ratio(nd4j / reference),
                ratio(nd4j / plain)));
    }

    private void target(String what, double value, double atLeast) {
        targets.add(what + ": " + (Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2fx%s", value,
                value >= atLeast ? " (met)" : " (**not met**)")));
    }

    private void targetAtMost(String what, double value, double atMost) {
        targets.add(what + ": " + (Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2fx%s", value,
                value <= atMost ? " (met)" : " (**not met**)")));
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
        return measured.scores().stream().filter(score -> score.benchmark().equals(benchmark))
                .filter(score -> params.entrySet().stream()
                        .allMatch(entry -> entry.getValue().equals(score.param(entry.getKey()))))
                .map(Score::seconds).toList();
    }

    private double megabytes(String backend) {
        Long bytes = measured.peakBytes().get(backend);
        return bytes == null ? Double.NaN : bytes / MEBIBYTE;
    }

    private static double epoch(double[] seconds, int index) {
        return seconds == null || seconds.length <= index ? Double.NaN : seconds[index];
    }

    private static double rate(double flops, OptionalDouble seconds) {
        return seconds.isPresent() ? flops / seconds.getAsDouble() : Double.NaN;
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}

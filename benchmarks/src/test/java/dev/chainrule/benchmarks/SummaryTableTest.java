package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.benchmarks.PyTorchReference.PyTorchResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final Machine MACHINE = new Machine(LocalDate.of(2026, 11, 28), 2, "AMD EPYC", "OpenJDK 17", 1.5);
    private static final PyTorchResults TORCH = new PyTorchResults(Map.of("sgd", 80_000.0, "adam", 60_000.0),
            Map.of(1, 100e-6, 1024, 1024 / 200_000.0), 450L << 20);

    /** Scores where plain takes {@code plainFactor} times nd4j's time everywhere; nd4j trains 30,000 rows/s. */
    private static List<Score> scores(double plainFactor) {
        List<Score> scores = new ArrayList<>();
        List<String> shapes = new ArrayList<>(GemmShape.SQUARES);
        shapes.addAll(GemmShape.seedStep());
        for (String shape : shapes) {
            double nd4jSeconds = GemmShape.parse(shape).flops() / 100e9;
            scores.add(new Score("GemmBenchmark", Map.of("backend", "nd4j", "shape", shape), nd4jSeconds));
            scores.add(new Score("GemmBenchmark", Map.of("backend", "plain", "shape", shape),
                    nd4jSeconds * plainFactor));
        }
        for (String optimizer : List.of("sgd", "adam")) {
            scores.add(new Score("TrainingBenchmark", Map.of("backend", "nd4j", "optimizer", optimizer), 2.0));
            scores.add(new Score("TrainingBenchmark", Map.of("backend", "plain", "optimizer", optimizer),
                    2.0 * plainFactor));
        }
        for (int batch : new int[] {1, 1024}) {
            double seconds = batch * 20e-6;
            scores.add(new Score("InferenceBenchmark", Map.of("backend", "nd4j", "batch", "" + batch), seconds));
            scores.add(new Score("InferenceBenchmark", Map.of("backend", "plain", "batch", "" + batch),
                    seconds * plainFactor));
        }
        return scores;
    }

    private static Measurements measurements(List<Score> scores, Optional<PyTorchResults> torch) {
        return new Measurements(scores, Map.of("plain", 400L << 20, "nd4j", 900L << 20),
                Map.of("plain", new double[] {1.2, 1.0, 1.0}, "nd4j", new double[] {3.0, 2.0, 2.0}),
                Map.of("plain", new double[] {2.0, 2.0}, "nd4j", new double[] {9.0, 8.0}), torch);
    }

    @Test
    void ratiosAndTargetsAreComputedFromTheScores() {
        String report = new SummaryTable(measurements(scores(0.5), Optional.of(TORCH))).render(MACHINE, "random rows");
        assertTrue(report.startsWith("Measured 2026-11-28, 2 cores (AMD EPYC), OpenJDK 17, load average 1.5."), report);
        assertTrue(report.contains("| 512x512 * 512x512 | 200.0 | 100.0 | 0.50 |"), report);
        assertTrue(report.contains(
                "| training, sgd(lr=0.05), samples/s | 80,000 | 60,000 | 30,000 | 0.75 | 0.38 | 0.50 |"), report);
        assertTrue(report.contains("| inference, batch 1, latency (µs) | 100.0 | 10.0 | 20.0 | 10.00 | 5.00 | 0.50 |"),
                report);
        assertTrue(report.contains(
                "| peak memory of one Fashion-MNIST epoch (MiB) | 450 | 400 | 900 | 0.89 | 2.00 | 2.25 |"), report);
        assertTrue(report.contains("| plain | 1.20 | 1.00 | 1.00 | 1.20 | 2.00 | 0.50 |"), report);
        assertTrue(report.contains("plain training with sgd >= 1.0x PyTorch: 0.75x (**not met**)"), report);
        assertTrue(report.contains("nd4j training with adam >= 0.8x plain: 0.50x (**not met**)"), report);
        assertTrue(report.contains("plain batch-1024 inference >= 1.0x PyTorch: 0.50x (**not met**)"), report);
        assertTrue(report.contains("plain batch-1 inference < 10 µs: 10.0 µs (**not met**)"), report);
        assertTrue(report.contains("plain's first epoch <= 1.3x its second: 1.20x (met)"), report);
        assertTrue(report.contains("plain keeps >= 0.4x its quiet speed under a competing 2-thread load: 0.50x (met)"),
                report);
        assertTrue(report.contains("nd4j keeps >= 0.4x its quiet speed under a competing 2-thread load: 0.25x "
                + "(**not met**)"), report);
        assertTrue(report.contains("peak memory on plain <= 500 MiB: 400 MiB (met)"), report);
        assertTrue(report.contains("peak memory on nd4j <= 800 MiB: 900 MiB (**not met**)"), report);
    }

    @Test
    void withoutPyTorchOrABackendTheTableShowsDashes() {
        List<Score> plainOnly = scores(1).stream().filter(score -> score.param("backend").equals("plain")).toList();
        String report = new SummaryTable(measurements(plainOnly, Optional.empty())).render(MACHINE, "random rows");
        assertTrue(report.contains("| 64x64 * 64x64 | 100.0 | - | - |"), report);
        assertTrue(report.contains("| training, sgd(lr=0.05), samples/s | - | 30,000 | - | - | - | - |"), report);
        assertTrue(report.contains("plain training with sgd >= 1.0x PyTorch: not measured"), report);
        assertTrue(report.contains("was not measured"), report);
    }
}

package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final Machine MACHINE = new Machine(LocalDate.of(2026, 11, 28), 2, "AMD EPYC", "OpenJDK 17", 1.5);

    /** Scores where plain takes {@code plainFactor} times nd4j's time everywhere. */
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
            scores.add(new Score("TrainingBenchmark", Map.of("backend", "nd4j", "optimizer", optimizer), 1.0));
            scores.add(new Score("TrainingBenchmark", Map.of("backend", "plain", "optimizer", optimizer),
                    plainFactor));
        }
        for (int batch : new int[] {1, 1024}) {
            double seconds = batch * 20e-6;
            scores.add(new Score("InferenceBenchmark", Map.of("backend", "nd4j", "batch", "" + batch), seconds));
            scores.add(new Score("InferenceBenchmark", Map.of("backend", "plain", "batch", "" + batch),
                    seconds * plainFactor));
        }
        return scores;
    }

    @Test
    void ratiosAndTargetsAreComputedFromTheScores() {
        String report = new SummaryTable(scores(2), Map.of("plain", new long[] {400L << 20, 200L << 20},
                "nd4j", new long[] {600L << 20, 200L << 20}), Map.of("nd4j", new long[] {450L << 20, 200L << 20}))
                .render(MACHINE, "random rows");
        assertTrue(report.startsWith("Measured 2026-11-28, 2 cores (AMD EPYC), OpenJDK 17, load average 1.5."), report);
        assertTrue(report.contains("| 512x512 * 512x512 | 50.0 | 100.0 | 0.50 |"), report);
        assertTrue(report.contains("| training, sgd(lr=0.05) | 30,000 | 60,000 | 0.50 |"), report);
        assertTrue(report.contains("| batch 1, latency (µs) | 40.0 | 20.0 | 0.50 |"), report);
        assertTrue(report.contains("plain GEMM n=1024 >= 30% of nd4j's: 50% (met)"), report);
        assertTrue(report.contains("training with adam: plain >= 35% of nd4j: 50% (met)"), report);
        assertTrue(report.contains("batch-1 inference on plain < 25 µs: 40.0 µs (**not met**)"), report);
        assertTrue(report.contains("limit 1.5 x data + 200 MiB = 500 MiB"), report);
        assertTrue(report.contains("| JVM's defaults | 400 | 600 |"), report);
        assertTrue(report.contains("| heap capped (-Xmx256m) | - | 450 |"), report);
        assertTrue(report.contains("peak memory on plain, JVM's defaults, < 1.5 x data + 200 MiB: 400 MiB (met)"),
                report);
        assertTrue(report.contains("peak memory on nd4j, JVM's defaults, < 1.5 x data + 200 MiB: 600 MiB "
                + "(**not met**)"), report);
        assertTrue(report.contains("peak memory on nd4j, heap capped, < 1.5 x data + 200 MiB: 450 MiB (met)"),
                report);
    }

    @Test
    void theGemmBoundIsTheStepsFlopsOverTheStepsProductTime() {
        String report = new SummaryTable(scores(1), Map.of(), Map.of()).render(MACHINE, "random rows");
        double used = 60_000 * 6.0 * SeedNetwork.WEIGHTS / 100e9;
        assertTrue(report.contains(String.format(java.util.Locale.ROOT,
                "at the step's products): %.0f%%", used * 100)), report);
    }

    @Test
    void aBackendThatDidNotRunShowsDashes() {
        List<Score> plainOnly = scores(1).stream().filter(score -> score.param("backend").equals("plain")).toList();
        String report = new SummaryTable(plainOnly, Map.of(), Map.of()).render(MACHINE, "random rows");
        assertTrue(report.contains("| 64x64 * 64x64 | 100.0 | - | - |"), report);
        assertTrue(report.contains("not measured"), report);
    }
}

package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.training.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDataTest {

    @Test
    void withoutFashionMnistTheRowsAreRandomOfItsShape(@TempDir Path empty) {
        BenchmarkData data = BenchmarkData.load(empty.resolve("missing"), 50);
        assertTrue(data.source().startsWith("random rows"), data.source());
        assertEquals(50, data.training().size());
        assertEquals(50, data.test().size());
        Dataset training = data.training();
        assertEquals(SeedNetwork.INPUTS, training.featureCount());
        assertEquals(SeedNetwork.CLASSES, training.targetCount());
        for (int row = 0; row < training.size(); row++) {
            double[] target = training.targetRow(row);
            assertEquals(1, java.util.Arrays.stream(target).sum());
        }
        assertEquals(4L * 100 * (SeedNetwork.INPUTS + SeedNetwork.CLASSES), data.float32Bytes());
    }

    @Test
    void theJarListsTheThreeBenchmarks() throws IOException {
        try (InputStream list = BenchmarkMain.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
            for (Class<?> benchmark : new Class<?>[] {GemmBenchmark.class, TrainingBenchmark.class,
                    InferenceBenchmark.class}) {
                assertTrue(text.contains(benchmark.getName()), benchmark.getName());
            }
        }
    }
}

package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.examples.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --stream-above}: a CSV file above the size is streamed, with the same preprocessing as in memory. */
class StreamedTrainingTest {

    @TempDir
    Path folder;

    @Test
    void aCsvAboveTheSizeTrainsFromTheStreamAndIsTested() throws IOException {
        Path csv = blobs(folder.resolve("blobs.csv"), 600);
        Path out = folder.resolve("run");
        Cli.Run run = Cli.run("train", "--dataset", csv.toString(), "--stream-above", "1k", "--layers", "8:tanh",
                "--epochs", "8", "--optimizer", "adam(lr=0.05)", "--seed", "4", "--out-dir", out.toString(), "--checkpoint-every", "1e").succeeded();
        assertTrue(run.out().contains("streaming"), run.out());
        JsonNode metrics = Cli.json(out.resolve("metrics.json"));
        assertEquals(8, metrics.get("epochs").size());
        assertTrue(metrics.get("test").get("accuracy").asDouble() > 0.9, metrics.toString());
        JsonNode evaluation = Cli.json(Cli.run("evaluate", "--model", out.resolve("model.crm").toString(),
                "--dataset", csv.toString(), "--format", "json").succeeded().out());
        assertTrue(evaluation.get("accuracy").asDouble() > 0.9, evaluation.toString());
    }

    @Test
    void theStreamedStatisticsAreTheTrainingRowsMeanAndDeviation() throws IOException {
        Path csv = blobs(folder.resolve("stats.csv"), 300);
        StreamedCsv streamed = StreamedCsv.scan(csv, Optional.empty(), Optional.empty(), 0.25, 7);
        assertEquals(Task.CLASSIFICATION, streamed.task());
        assertEquals(java.util.List.of("a", "b", "c"), streamed.classes());
        String[][] kept = Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .toArray(String[][]::new);
        double[] sum = new double[2];
        int rows = 0;
        for (int r = 0; r < kept.length; r++) {
            if (!StreamedCsv.heldOut(r + 2, 0.25, 7)) {
                sum[0] += Double.parseDouble(kept[r][0]);
                sum[1] += Double.parseDouble(kept[r][1]);
                rows++;
            }
        }
        assertEquals(rows, streamed.trainingRows());
        assertTrue(rows > 180 && rows < 270, "rows kept " + rows);
        Preprocessing preprocessing = streamed.preprocessing(Domain.PROBABILITY);
        assertArrayEquals(new double[] {sum[0] / rows, sum[1] / rows}, preprocessing.featureOffset(), 1e-12);
    }

    private static Path blobs(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder text = new StringBuilder("x,y,label\n");
        for (int r = 0; r < rows; r++) {
            int label = r % 3;
            text.append(label * 3 + random.nextDouble()).append(',').append(-label * 2 + random.nextDouble())
                    .append(',').append("abc".charAt(label)).append('\n');
        }
        return Files.writeString(file, text);
    }
}

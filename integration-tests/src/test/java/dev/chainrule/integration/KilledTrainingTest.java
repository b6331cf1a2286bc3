package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.training.Checkpoints;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM that saves a checkpoint after every batch is killed ({@code SIGKILL}) at 20 or more random moments of
 * its training (0 to 600 ms after it starts training), some of them while a checkpoint is being written (a temporary file is left): every time, the newest checkpoint that loads
 * resumes to the weights of the run that never stopped, bit for bit, and a half-written file is never taken for one.
 * About 20-40 seconds: each kill starts a JVM.
 */
class KilledTrainingTest {

    private static final int KILLS = 20;
    private static final int MAX_KILLS = 40;

    @Test
    void theNewestIntactCheckpointAlwaysResumesToTheUninterruptedWeights(@TempDir Path folder) throws Exception {
        TrainingSession reference = CheckpointingChild.session(List.of());
        reference.fit(DatasetSource.of(CheckpointingChild.data()));
        double[] expected = reference.parameterValues();

        SplittableRandom random = new SplittableRandom(2026);
        int kills = 0;
        int killsDuringWrites = 0;
        int resumes = 0;
        while ((kills < KILLS || killsDuringWrites == 0) && kills < MAX_KILLS) {
            Files.deleteIfExists(folder.resolve(CheckpointingChild.TRAINING));
            Process child = start(folder);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(folder.resolve(CheckpointingChild.TRAINING)) && child.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            boolean finished = child.waitFor(random.nextInt(600), TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly().waitFor();
                kills++;
                if (hasTemporary(folder)) {
                    killsDuringWrites++;
                }
            }
            if (Checkpoints.list(folder).isEmpty()) {
                clear(folder);
                continue;
            }
            TrainingSession resumed = CheckpointingChild.session(List.of());
            Checkpoints.resume(resumed, folder);
            resumed.fit(DatasetSource.of(CheckpointingChild.data()));
            assertArrayEquals(expected, resumed.parameterValues(), "resumed after kill " + kills);
            resumes++;
            if (Files.exists(folder.resolve("done"))) {
                clear(folder);
            }
        }
        assertTrue(kills >= KILLS, "only " + kills + " kills");
        assertTrue(killsDuringWrites > 0, "no kill landed while a checkpoint was written, in " + kills);
        assertTrue(resumes >= KILLS / 2, "only " + resumes + " resumes");
    }

    private static Process start(Path folder) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                CheckpointingChild.class.getName(), folder.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean hasTemporary(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }

    private static void clear(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}

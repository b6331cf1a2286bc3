package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.Chainrule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM that trains again and again into one folder is killed ({@code SIGKILL}) at a random moment of the rounds
 * after its first: whenever it dies, the model, metrics and chart in the folder are whole (each loads or parses), and
 * the next complete run leaves no temporary file behind. About 20 to 40 seconds: the children's start-up is most of
 * it.
 */
class KillDuringWritesTest {

    private static final int KILLS = 20;
    private static final long SEED = 18;

    @TempDir
    Path folder;

    @Test
    void killedRunsNeverLeaveATornFileAndTheNextRunCleansUp() throws Exception {
        Path out = folder.resolve("run");
        SplittableRandom random = new SplittableRandom(SEED);
        Chainrule chainrule = Chainrule.create("plain");
        int withFiles = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = new ProcessBuilder(javaCommand(out))
                    .redirectError(folder.resolve("child.log").toFile()).start();
            try (BufferedReader rounds = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = rounds.readLine();
                assertEquals(TrainAgainAndAgain.ROUND, line, () -> "the child did not finish a round; see "
                        + folder.resolve("child.log"));
                Thread.sleep(random.nextInt(600));
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            if (Files.exists(out.resolve("model.crm"))) {
                withFiles++;
                chainrule.load(out.resolve("model.crm"));
            }
            if (Files.exists(out.resolve("metrics.json"))) {
                assertTrue(Cli.json(out.resolve("metrics.json")).has("epochs"), "kill " + kill);
            }
            if (Files.exists(out.resolve("training.png"))) {
                Cli.png(out.resolve("training.png"));
            }
        }
        assertEquals(KILLS, withFiles);
        Cli.run(TrainAgainAndAgain.arguments(out)).succeeded();
        assertEquals(List.of("metrics.json", "model.crm", "training.png"), names(out));
    }

    private static List<String> javaCommand(Path out) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TrainAgainAndAgain.class.getName(), out.toString());
    }

    private static List<String> names(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** The child: trains a small network on the digits into the folder it is given, over and over. */
    public static final class TrainAgainAndAgain {

        static final String ROUND = "round";

        static String[] arguments(Path out) {
            return new String[] {"train", "--dataset", "iris", "--layers", "8:relu", "--epochs", "1", "--out-dir",
                out.toString()};
        }

        public static void main(String[] args) {
            PrintWriter sink = new PrintWriter(new StringWriter());
            PrintWriter err = new PrintWriter(System.err, true);
            System.setProperty("java.awt.headless", "true");
            while (true) {
                int code = ChainruleCli.execute(new ChainruleCli(System.in, false), sink, err,
                        arguments(Path.of(args[0])));
                if (code != 0) {
                    System.exit(code);
                }
                System.out.println(ROUND);
            }
        }
    }

}

package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Parameter;
import dev.chainrule.core.io.Checkpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --checkpoint-every/--keep-checkpoints/--resume}, and Ctrl-C saving a checkpoint. */
class CheckpointCommandTest {

    private static final String[] IRIS = {"train", "--dataset", "iris", "--layers", "6:tanh,batch_norm,dropout(0.1)",
        "--epochs", "4", "--batch-size", "16", "--seed", "5"};

    @TempDir
    Path folder;

    @Test
    void aRunResumedFromAnyCheckpointEndsWithTheUninterruptedWeights() throws IOException {
        Path plain = folder.resolve("plain");
        Cli.run(with(IRIS, "--out-dir", plain.toString())).succeeded();
        Path saved = folder.resolve("saved");
        Cli.run(with(IRIS, "--out-dir", saved.toString(), "--checkpoint-every", "5b", "--keep-checkpoints", "10"))
                .succeeded();
        List<Path> checkpoints = Checkpoints.list(CheckpointOptions.folder(saved));
        assertEquals(5, checkpoints.size(), checkpoints.toString());
        assertArrayEquals(weights(plain), weights(saved));

        Path resumed = folder.resolve("resumed");
        Cli.Run run = Cli.run(with(IRIS, "--out-dir", resumed.toString(), "--resume", checkpoints.get(2).toString()))
                .succeeded();
        assertTrue(run.out().contains("resuming " + checkpoints.get(2)), run.out());
        assertArrayEquals(weights(plain), weights(resumed));

        Path byEpochs = folder.resolve("epochs");
        Cli.run(with(IRIS, "--out-dir", byEpochs.toString(), "--checkpoint-every", "2e", "--keep-checkpoints", "1"))
                .succeeded();
        assertEquals(1, Checkpoints.list(CheckpointOptions.folder(byEpochs)).size());
    }

    @Test
    void theTemporaryOfACheckpointAKilledRunWasSavingIsRemovedByTheNextRun() throws IOException {
        Path out = folder.resolve("killed");
        Path checkpoints = Files.createDirectories(CheckpointOptions.folder(out));
        Files.writeString(checkpoints.resolve(".checkpoint-000000000003.ckpt.5e.tmp"), "torn");
        Cli.run(with(IRIS, "--out-dir", out.toString(), "--checkpoint-every", "1e", "--keep-checkpoints", "1"))
                .succeeded();
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertEquals(Checkpoints.list(checkpoints), files.toList());
        }
    }

    @Test
    void aCorruptNewestCheckpointFallsBackToThePreviousWithAWarningNamingBoth() throws IOException {
        Path plain = folder.resolve("plain");
        Cli.run(with(IRIS, "--out-dir", plain.toString())).succeeded();
        Path saved = folder.resolve("saved");
        Cli.run(with(IRIS, "--out-dir", saved.toString(), "--checkpoint-every", "7b")).succeeded();
        List<Path> checkpoints = Checkpoints.list(CheckpointOptions.folder(saved));
        byte[] bytes = Files.readAllBytes(checkpoints.get(0));
        Files.write(checkpoints.get(0), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Cli.Run run = Cli.run(with(IRIS, "--out-dir", folder.resolve("resumed").toString(), "--resume",
                checkpoints.get(0).toString())).succeeded();
        assertTrue(run.out().contains("warning: skipped " + checkpoints.get(0)), run.out());
        assertTrue(run.out().contains("resuming from " + checkpoints.get(1) + " instead"), run.out());
        assertArrayEquals(weights(plain), weights(folder.resolve("resumed")));
    }

    @Test
    void badCheckpointOptionsAreUsageErrors() {
        Cli.Run every = Cli.run(with(IRIS, "--out-dir", folder.toString(), "--checkpoint-every", "two")).failed(2);
        assertTrue(every.err().contains("--checkpoint-every must be a count >= 1 of batches (500, 500b) or epochs (2e), "
                + "got 'two'"), every.err());
        Cli.Run keep = Cli.run(with(IRIS, "--out-dir", folder.toString(), "--keep-checkpoints", "0")).failed(2);
        assertTrue(keep.err().contains("--keep-checkpoints must be >= 1, got 0"), keep.err());
        Cli.Run missing = Cli.run(with(IRIS, "--out-dir", folder.toString(), "--resume",
                folder.resolve("none.ckpt").toString())).failed(1);
        assertTrue(missing.err().contains("none.ckpt does not exist"), missing.err());
    }

    @Test
    void ctrlCStopsAfterTheBatchSavesACheckpointAndExitsWith130() throws Exception {
        String[] options = {"train", "--dataset", "digits", "--layers", "32:tanh", "--epochs", "40", "--seed", "9"};
        Path interrupted = folder.resolve("interrupted");
        Path log = folder.resolve("log.txt");
        // The child runs the kernels this JVM runs (the Vector API's or the scalar ones), so that the resumed run here
        // can match its numbers bit for bit.
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), ChainruleCli.class.getName()));
        command.addAll(List.of(with(options, "--out-dir", interrupted.toString(), "--backend", "plain")));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assumeFalse(ignoresInterrupts(child.pid()), "this test's JVM was started with SIGINT ignored (a background "
                + "job), which its child inherits and the JVM then cannot handle; run it from a foreground shell");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("epoch  2/40") && child.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(child.isAlive(), "the run ended before it could be interrupted: "
                + Files.readString(log, StandardCharsets.UTF_8));
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the interrupted run did not end");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(130, child.exitValue(), output);
        assertTrue(output.contains("interrupted: stopped "), output);
        List<Path> checkpoints = Checkpoints.list(CheckpointOptions.folder(interrupted));
        assertEquals(1, checkpoints.size(), output);
        assertTrue(output.contains("saved " + checkpoints.get(0)), output);

        Path resumed = folder.resolve("resumed");
        Cli.run(with(options, "--out-dir", resumed.toString(), "--backend", "plain", "--resume",
                checkpoints.get(0).toString())).succeeded();
        Path plain = folder.resolve("plain");
        Cli.run(with(options, "--out-dir", plain.toString(), "--backend", "plain")).succeeded();
        assertArrayEquals(weights(plain), weights(resumed));
    }

    /** Whether process {@code pid} ignores SIGINT (bit 2 of its SigIgn mask in /proc). */
    private static boolean ignoresInterrupts(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static double[] weights(Path outDir) throws IOException {
        Network network = Chainrule.create("plain").load(outDir.resolve("model.crm")).network();
        return network.parameters().stream().map(Parameter::value)
                .flatMapToDouble(value -> java.util.Arrays.stream(value.toDoubleArray())).toArray();
    }
}

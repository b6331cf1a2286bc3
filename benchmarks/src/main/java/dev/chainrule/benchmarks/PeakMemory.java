package dev.chainrule.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Peak memory of the README's Fashion-MNIST command, run in a JVM of its own: {@code chainrule train --dataset
 * fashion-mnist --layers "256:tanh,128:sigmoid,64:relu"} (Adam, batch 32, validation after the epoch) for one epoch,
 * with the README's JVM options ({@link #JVM_OPTIONS}: the heap capped, the Vector API module), as the README runs it. The peak resident set
 * ({@code VmHWM} in {@code /proc/PID/status}: Java heap, native memory such as ND4J's arrays and libraries, and the
 * JVM itself) is read every {@value #POLL_MILLISECONDS} ms while the child runs; it only grows, so the last reading
 * is the peak up to the child's last moments.
 */
final class PeakMemory {

    /** How often the child's status is read. */
    static final int POLL_MILLISECONDS = 20;

    /** The JVM options of the README's command, before {@code -jar}. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "--add-modules", "jdk.incubator.vector");

    private PeakMemory() {
    }

    /** The README command's arguments after {@code java -jar chainrule.jar}, for one epoch on {@code backend}. */
    static List<String> command(String backend, Path outDir) {
        return List.of("train", "--dataset", "fashion-mnist", "--layers", "256:tanh,128:sigmoid,64:relu", "--epochs",
                "1", "--backend", backend, "--out-dir", outDir.toString());
    }

    /**
     * The peak resident set in bytes of the README command on {@code backend}, or empty when the child fails, the
     * data set is not installed or the system has no {@code /proc}.
     */
    static OptionalLong measure(String backend) throws IOException, InterruptedException {
        if (!Files.isDirectory(Path.of("/proc/self")) || !BenchmarkData.describeSource().startsWith("Fashion")) {
            return OptionalLong.empty();
        }
        Path outDir = Files.createTempDirectory("chainrule-peak-");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.chainrule.examples.cli.ChainruleCli"));
        command.addAll(command(backend, outDir));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        try {
            while (process.isAlive()) {
                try {
                    peak = Math.max(peak, highWaterMark(Files.readAllLines(status)));
                } catch (NoSuchFileException | IllegalStateException e) {
                    break;  // the child has just ended
                }
                Thread.sleep(POLL_MILLISECONDS);
            }
            return process.waitFor() == 0 && peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty();
        } finally {
            try (Stream<Path> files = Files.walk(outDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** {@code VmHWM} of {@code status}, the text of {@code /proc/PID/status}, in bytes. */
    static long highWaterMark(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM line in the process status");
    }
}

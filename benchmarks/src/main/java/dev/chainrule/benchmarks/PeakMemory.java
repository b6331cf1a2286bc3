package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.examples.data.FashionMnist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Peak memory of a training run, measured in a JVM of its own: load Fashion-MNIST (or random rows of its size), train
 * the seed network for one epoch with Adam, validating on the test rows, and report the process's peak resident set
 * ({@code VmHWM} in {@code /proc/self/status}): Java heap, native memory (ND4J's arrays and libraries) and the JVM
 * itself. Run as a main, it prints {@code peak_rss_bytes=N data_float32_bytes=M}.
 */
final class PeakMemory {

    /** The line that the child prints starts with this. */
    static final String PREFIX = "peak_rss_bytes=";

    private PeakMemory() {
    }

    /**
     * The peak resident set and the data's FLOAT32 size of a run on {@code backend} in a child JVM with the Vector API
     * module and {@code jvmOptions}, or empty when the child fails or the system has no {@code /proc}.
     *
     * @return {@code [peak bytes, data bytes]}
     */
    static Optional<long[]> measure(String backend, List<String> jvmOptions) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PeakMemory.class.getName(), backend));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Optional<long[]> result = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PREFIX)) {
                    result = Optional.of(parse(line));
                }
            }
        }
        return process.waitFor() == 0 ? result : Optional.empty();
    }

    /**
     * The JVM option that caps the Java heap at 256 MiB, for both backends: the live heap of this run stays under
     * 100 MiB on either (the data set's bytes, the network, the batch buffers; plain reads batches from the bytes, nd4j
     * keeps its tensors in native memory). Left alone on a large machine, G1 enlarges its young generation when it
     * collects often, as it does while the Vector API kernel warms up (until the JIT compiles it, every vector
     * operation allocates), and the memory it touches then stays resident.
     */
    static final List<String> CAPPED_HEAP = List.of("-Xmx256m");

    /** Reads {@code peak_rss_bytes=N data_float32_bytes=M}. */
    static long[] parse(String line) {
        String[] parts = line.trim().split("\\s+");
        return new long[] {Long.parseLong(parts[0].substring(PREFIX.length())),
                Long.parseLong(parts[1].substring(parts[1].indexOf('=') + 1))};
    }

    /** {@code VmHWM} of {@code status}, the text of {@code /proc/self/status}, in bytes. */
    static long highWaterMark(List<String> status) {
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM line in /proc/self/status");
    }

    /**
     * Trains on {@code args[0]}'s backend and prints the peak resident set.
     *
     * @param args the backend's name, and optionally at most how many rows of each set to load (0 for all)
     */
    public static void main(String[] args) throws IOException {
        Chainrule chainrule = Chainrule.create(args[0]);
        BenchmarkData data = BenchmarkData.load(FashionMnist.DEFAULT_DIRECTORY,
                args.length > 1 ? Integer.parseInt(args[1]) : 0);
        TrainingConfig config = chainrule.training(SeedNetwork.LOSS, SeedNetwork.optimizer("adam")).epochs(1)
                .batchSize(SeedNetwork.BATCH).seed(3).validation(data.test()).build();
        chainrule.trainer().fit(SeedNetwork.build(chainrule), data.training(), config);
        long peak = highWaterMark(Files.readAllLines(Path.of("/proc/self/status")));
        System.out.println(PREFIX + peak + " data_float32_bytes=" + data.float32Bytes());
    }
}

package dev.chainrule.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A competing CPU-bound process for the load test: {@value #THREADS} threads that spin on arithmetic until the process
 * is destroyed, as another program busy on both cores would.
 */
final class CompetingLoad implements AutoCloseable {

    /** Busy threads. */
    static final int THREADS = 2;

    private final Process process;

    private CompetingLoad(Process process) {
        this.process = process;
    }

    /** Starts the competing process and gives it a moment to get going. */
    static CompetingLoad start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CompetingLoad.class.getName()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Thread.sleep(500);
        return new CompetingLoad(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Spins {@value #THREADS} threads until killed, or until the process that started it ends. */
    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                double x = 1;
                while (x != 0) {
                    x = Math.sqrt(x * 1.0000001 + 1e-9);
                }
            });
            thread.start();
        }
    }
}

package dev.chainrule.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed network in PyTorch ({@code benchmarks/pytorch/seed_network.py}, packed into the jar), run when
 * {@value #PYTHON} has {@code torch}, with Debian's OpenBLAS first on {@code LD_LIBRARY_PATH} (Debian's default
 * {@code libblas} is the slow reference BLAS) and {@value #THREADS} threads, so that the report's ratios against
 * PyTorch come from the same run as the Java figures.
 */
final class PyTorchReference {

    /** The interpreter. */
    static final String PYTHON = "/usr/bin/python3";
    /** Debian's OpenMP build of OpenBLAS. */
    static final String OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-openmp";
    /** PyTorch's and OpenBLAS's threads. */
    static final int THREADS = 2;

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"[^\"]*\"|[-0-9.eE+]+)");

    private PyTorchReference() {
    }

    /**
     * PyTorch's figures here, or empty (with the reason on standard error) when Python or torch is missing or the
     * script fails.
     *
     * @param quick one short measurement of each
     */
    static Optional<PyTorchResults> measure(boolean quick, Path dataFolder) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--data", dataFolder.toString()));
        if (quick) {
            arguments.add("--quick");
        }
        return run("seed_network.py", arguments).map(PyTorchReference::parse);
    }

    /**
     * Runs one of the packed scripts ({@code pytorch/NAME}) with {@code --threads} {@value #THREADS} and
     * {@code arguments}, and returns its standard output's lines; empty (with the reason on standard error) when Python
     * or torch is missing or the script fails.
     */
    static Optional<List<String>> run(String name, List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            System.err.println("no PyTorch comparison: " + PYTHON + " is not installed");
            return Optional.empty();
        }
        if (new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
            System.err.println("no PyTorch comparison: " + PYTHON + " cannot import torch (apt-get install "
                    + "python3-torch)");
            return Optional.empty();
        }
        Path script = Files.createTempFile("chainrule-" + name.replace(".py", "-"), ".py");
        try (InputStream in = PyTorchReference.class.getResourceAsStream("pytorch/" + name)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), "--threads",
                Integer.toString(THREADS)));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        String libraries = environment.get("LD_LIBRARY_PATH");
        environment.put("LD_LIBRARY_PATH",
                OPENBLAS + (libraries == null || libraries.isBlank() ? "" : ":" + libraries));
        environment.put("OMP_NUM_THREADS", Integer.toString(THREADS));
        environment.put("OPENBLAS_NUM_THREADS", Integer.toString(THREADS));
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            Files.deleteIfExists(script);
        }
        if (process.waitFor() != 0) {
            System.err.println("no PyTorch comparison: " + name + " failed with exit code " + process.exitValue());
            return Optional.empty();
        }
        return Optional.of(lines);
    }

    /** Reads the script's JSON lines. */
    static PyTorchResults parse(List<String> lines) {
        Map<String, Double> training = new HashMap<>();
        Map<Integer, Double> inference = new HashMap<>();
        long peak = 0;
        for (String line : lines) {
            Map<String, String> fields = new HashMap<>();
            Matcher matcher = FIELD.matcher(line);
            while (matcher.find()) {
                fields.put(matcher.group(1), matcher.group(2).replace("\"", ""));
            }
            switch (fields.getOrDefault("measure", "")) {
                case "training" -> training.put(fields.get("optimizer"),
                        Double.parseDouble(fields.get("samples_per_second")));
                case "inference" -> inference.put(Integer.parseInt(fields.get("batch")),
                        Double.parseDouble(fields.get("seconds")));
                case "peak_memory" -> peak = Long.parseLong(fields.get("bytes"));
                default -> throw new IllegalArgumentException("unexpected line from the PyTorch script: " + line);
            }
        }
        return new PyTorchResults(training, inference, peak);
    }

    /**
     * PyTorch's figures.
     *
     * @param samplesPerSecond training speed by optimizer ({@code sgd}, {@code adam})
     * @param inferenceSeconds seconds per prediction by batch size
     * @param peakBytes        peak resident set of one training epoch with validation, or 0
     */
    record PyTorchResults(Map<String, Double> samplesPerSecond, Map<Integer, Double> inferenceSeconds,
            long peakBytes) {

        PyTorchResults {
            samplesPerSecond = Map.copyOf(samplesPerSecond);
            inferenceSeconds = Map.copyOf(inferenceSeconds);
        }
    }
}

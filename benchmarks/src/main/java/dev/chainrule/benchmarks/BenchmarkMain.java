package dev.chainrule.benchmarks;

import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.examples.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark with modest iteration counts, then PyTorch's reference run ({@link PyTorchReference}), the
 * fresh-JVM epochs alone and under load ({@link EpochTimes}) and the peak-memory runs ({@link PeakMemory}), and prints
 * the report ({@link SummaryTable}) as Markdown:
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar [quick]
 * </pre>
 * {@code quick} runs one short iteration of each, to check that everything runs. Each benchmark runs in a JVM of its
 * own with the Vector API module, on every backend that starts here.
 */
public final class BenchmarkMain {

    /**
     * Warm-up iterations of half a second for the products and inference: a fresh fork runs the Vector API kernels as
     * Java objects, a thousand times slower, until C2 has compiled them, which took 2 to 2.5 s of calls here
     * (2026-12-05, 64x64 products at 25-42 ms each, then 10 µs); the two 300 ms iterations before measured that
     * interpreted phase for the small products.
     */
    private static final int WARM_UP_ITERATIONS = 8;

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks and prints the report.
     *
     * @param args {@code quick} for one short iteration of each benchmark
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = List.of(args).contains("quick");
        String[] backends = usableBackends();
        Path log = Files.createTempFile("chainrule-jmh-", ".log");
        progress("JMH's own output goes to " + log);
        List<Score> scores = new ArrayList<>();
        progress("matrix products: 16 shapes x " + backends.length + " backends");
        scores.addAll(run(options(GemmBenchmark.class, backends, log).mode(Mode.AverageTime)
                .warmupIterations(quick ? 2 : WARM_UP_ITERATIONS).warmupTime(TimeValue.milliseconds(quick ? 100 : 500))
                .measurementIterations(quick ? 1 : 3).measurementTime(TimeValue.milliseconds(quick ? 100 : 400))));
        progress("training: " + TrainingBenchmark.EPOCHS + " epochs an invocation, SGD and Adam");
        scores.addAll(run(options(TrainingBenchmark.class, backends, log).mode(Mode.SingleShotTime)
                .warmupIterations(quick ? 0 : 1).measurementIterations(quick ? 1 : 3)));
        progress("inference: batch 1 and 1024");
        scores.addAll(run(options(InferenceBenchmark.class, backends, log).mode(Mode.AverageTime)
                .warmupIterations(quick ? 2 : WARM_UP_ITERATIONS).warmupTime(TimeValue.milliseconds(quick ? 100 : 500))
                .measurementIterations(quick ? 1 : 3).measurementTime(TimeValue.milliseconds(quick ? 100 : 500))));
        progress("PyTorch: the same network, when /usr/bin/python3 has torch");
        Optional<PyTorchReference.PyTorchResults> pytorch = PyTorchReference.measure(quick,
                FashionMnist.DEFAULT_DIRECTORY);
        Map<String, double[]> quiet = new LinkedHashMap<>();
        Map<String, double[]> loaded = new LinkedHashMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        for (String backend : backends) {
            progress("epochs of a fresh JVM on " + backend + ", alone and beside a competing process");
            EpochTimes.measure(backend, quick ? 2 : EpochTimes.EPOCHS).ifPresent(times -> quiet.put(backend, times));
            try (CompetingLoad load = CompetingLoad.start()) {
                EpochTimes.measure(backend, quick ? 1 : 2).ifPresent(times -> loaded.put(backend, times));
            }
            progress("peak memory of the README's Fashion-MNIST command on " + backend);
            PeakMemory.measure(backend).ifPresent(bytes -> peak.put(backend, bytes));
        }
        List<String> predictor = new ArrayList<>();
        for (String backend : backends) {
            progress("the predictor's steady state on " + backend + ": bytes per call, latency");
            predictor.add(PredictorLatency.measure(backend));
        }
        System.out.println();
        predictor.forEach(line -> System.out.println("- " + line));
        System.out.println();
        System.out.print(new SummaryTable(new Measurements(scores, peak, quiet, loaded, pytorch))
                .render(Machine.current(), BenchmarkData.describeSource()));
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark, String[] backends, Path log) {
        return new OptionsBuilder().include(benchmark.getName() + "\\.").param("backend", backends).forks(1)
                .jvmArgsAppend("--add-modules=jdk.incubator.vector").timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true).verbosity(VerboseMode.NORMAL).output(log.toString());
    }

    private static List<Score> run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Score> scores = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            String label = result.getParams().getBenchmark();
            String benchmark = label.substring(0, label.lastIndexOf('.'));
            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            double seconds = result.getPrimaryResult().getScore()
                    * secondsPer(result.getParams().getTimeUnit());
            scores.add(new Score(benchmark, params, seconds));
            progress(String.format(java.util.Locale.ROOT, "  %s %s: %.4g s/op", benchmark, params, seconds));
        }
        return scores;
    }

    private static double secondsPer(TimeUnit unit) {
        return unit.toNanos(1) / 1e9;
    }

    private static String[] usableBackends() {
        List<String> names = new ArrayList<>();
        for (PluginEntry<TensorBackend> entry : Plugins.discover(BenchmarkMain.class.getClassLoader()).backends()
                .entries()) {
            if (entry.plugin().availability().usable()) {
                names.add(entry.plugin().name());
            }
        }
        names.sort(java.util.Comparator.comparing((String name) -> !name.equals(SummaryTable.PLAIN))
                .thenComparing(java.util.Comparator.naturalOrder()));
        return names.toArray(String[]::new);
    }

    private static void progress(String line) {
        System.err.println(line);
    }
}

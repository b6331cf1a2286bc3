package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks every discovered activation and loss, third-party ones included, against central finite differences in
 * float64 on the chosen backend. Activations are checked at random points in [-3, 3]; losses at outputs in
 * (0.05, 0.95) with one-hot targets, a domain every built-in loss accepts.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the derivative of every discovered activation and loss (third-party jars on the class "
                + "path included) against central finite differences in float64.",
            "Exits with 1 if any exceeds the tolerance."})
final class GradcheckCommand implements Callable<Integer> {

    private static final int ROWS = 4;
    private static final int COLUMNS = 6;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Largest relative error that passes. Default: ${DEFAULT-VALUE}.")
    private double tolerance;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the check points. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Mixin
    private BackendOption backend = new BackendOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(tolerance > 0)) {
            throw new UsageException("--tolerance must be > 0, got " + tolerance);
        }
        Chainrule chainrule = backend.chainrule();
        TensorBackend tensors = chainrule.backend();
        TextTable table = new TextTable("kind", "plugin", "max error", "points", "kinks skipped", "result", "from");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (PluginEntry<Activation> entry : chainrule.plugins().activations().entries()) {
            Activation activation = entry.plugin();
            Tensor z = uniform(tensors, -3, 3, seed);
            checked++;
            row(table, failures, "activation", entry, () -> GradientChecker.check(activation, z, seed));
        }
        for (PluginEntry<Loss> entry : chainrule.plugins().losses().entries()) {
            Loss loss = entry.plugin();
            Tensor output = uniform(tensors, 0.05, 0.95, seed);
            Tensor target = oneHot(tensors, seed + 1);
            checked++;
            row(table, failures, "loss", entry, () -> GradientChecker.check(loss, output, target));
        }
        out.printf(Locale.ROOT, "gradient check on backend %s, float64, tolerance %.1e%n%n", tensors.name(), tolerance);
        out.print(table.text());
        out.println();
        if (failures.isEmpty()) {
            out.printf(Locale.ROOT, "all %d plugins pass%n", checked);
            return 0;
        }
        out.printf(Locale.ROOT, "%d of %d plugins fail: %s%n", failures.size(), checked, String.join(", ", failures));
        return ErrorHandler.FAILURE;
    }

    private void row(TextTable table, List<String> failures, String kind, PluginEntry<?> entry,
            Supplier<GradientCheckResult> check) {
        String name = entry.plugin().name();
        String from = Origins.shorten(entry.origin());
        try {
            GradientCheckResult result = check.get();
            boolean passes = result.passes(tolerance);
            if (!passes) {
                failures.add(name);
            }
            table.row(kind, name, String.format(Locale.ROOT, "%.2e", result.maxError()), result.checked(),
                    result.skipped(), passes ? "ok" : "FAIL at " + result.worstPoint(), from);
        } catch (RuntimeException e) {
            failures.add(name);
            table.row(kind, name, "-", 0, 0, "FAIL: " + e.getMessage(), from);
        }
    }

    private static Tensor uniform(TensorBackend backend, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[ROWS * COLUMNS];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(low, high);
        }
        return backend.fromArray(DType.FLOAT64, new Shape(ROWS, COLUMNS), values);
    }

    private static Tensor oneHot(TensorBackend backend, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[ROWS * COLUMNS];
        for (int r = 0; r < ROWS; r++) {
            values[r * COLUMNS + random.nextInt(COLUMNS)] = 1;
        }
        return backend.fromArray(DType.FLOAT64, new Shape(ROWS, COLUMNS), values);
    }
}

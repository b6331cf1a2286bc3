package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.GradientChecker;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks every discovered activation and loss, third-party ones included, against central finite differences in
 * float64 on the chosen backend. Activations are checked, bound to a layer as a network uses them, at random points
 * in [-3, 3] within their finite domain: {@code backward} in an inference and a training pass, and the gradients of
 * any parameters they own. Losses are checked at outputs and targets drawn from the domains they advertise.
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
            checked++;
            row(table, failures, "activation", entry, () -> checkActivation(entry.plugin(), tensors));
        }
        for (PluginEntry<Loss> entry : chainrule.plugins().losses().entries()) {
            Loss loss = entry.plugin();
            checked++;
            row(table, failures, "loss", entry, () -> List.of(GradientChecker.check(loss,
                    SamplePoints.of(loss.outputDomain(), tensors, ROWS, COLUMNS, seed),
                    SamplePoints.of(loss.targetDomain(), tensors, ROWS, COLUMNS, seed + 1))));
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

    /** The activation's input gradient in an inference and a training pass, and its parameters' gradients. */
    private List<GradientCheckResult> checkActivation(Activation plugin, TensorBackend tensors) {
        Activation activation = plugin.bind(COLUMNS, tensors, DType.FLOAT64);
        Tensor z = SamplePoints.activationInputs(tensors, ROWS, COLUMNS, activation.finiteDomain(DType.FLOAT64), seed);
        List<GradientCheckResult> results = new ArrayList<>();
        results.add(GradientChecker.check(activation, z, seed));
        results.add(GradientChecker.check(activation, z, seed, () -> ForwardContext.training(seed)));
        results.addAll(GradientChecker.checkParameters(activation, z, seed));
        return results;
    }

    private void row(TextTable table, List<String> failures, String kind, PluginEntry<?> entry,
            Supplier<List<GradientCheckResult>> check) {
        String name = entry.plugin().name();
        String from = Origins.shorten(entry.origin());
        try {
            List<GradientCheckResult> results = check.get();
            GradientCheckResult worst = results.stream()
                    .max(java.util.Comparator.comparingDouble(GradientCheckResult::maxError)).orElseThrow();
            boolean passes = worst.passes(tolerance);
            if (!passes) {
                failures.add(name);
            }
            table.row(kind, name, String.format(Locale.ROOT, "%.2e", worst.maxError()),
                    results.stream().mapToInt(GradientCheckResult::checked).sum(),
                    results.stream().mapToInt(GradientCheckResult::skipped).sum(),
                    passes ? "ok" : "FAIL: " + worst.subject() + " at " + worst.worstPoint(), from);
        } catch (RuntimeException e) {
            failures.add(name);
            table.row(kind, name, "-", 0, 0, "FAIL: " + e.getMessage(), from);
        }
    }

}

package dev.chainrule.examples.cli;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.PluginVerifier;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.plugin.PluginEntry;
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
 * Checks every discovered activation, loss and layer, third-party ones included, against central finite differences in
 * float64 on the chosen backend, with the probes of {@link PluginVerifier}: activations bound to a layer as a network
 * uses them, at random points in [-3, 3] within their finite domain, {@code backward} in an inference and a training
 * pass and the gradients of any parameters they own; losses at outputs and targets drawn from the domains they
 * advertise; layers as {@link LayerProbes} configures them, input and parameter gradients.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the derivative of every discovered activation, loss and layer (third-party jars on the class "
                + "path included) against central finite differences in float64.",
            "Exits with 1 if any exceeds the tolerance."})
final class GradcheckCommand implements Callable<Integer> {

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
        PluginVerifier verifier = new PluginVerifier(tensors, tolerance, seed);
        TextTable table = new TextTable("kind", "plugin", "max error", "points", "kinks skipped", "result", "from");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (PluginEntry<Activation> entry : chainrule.plugins().activations().entries()) {
            checked++;
            row(table, failures, "activation", entry, () -> verifier.check(entry.plugin()));
        }
        for (PluginEntry<Loss> entry : chainrule.plugins().losses().entries()) {
            checked++;
            row(table, failures, "loss", entry, () -> verifier.check(entry.plugin()));
        }
        for (PluginEntry<Layer> entry : chainrule.plugins().layers().entries()) {
            for (LayerProbes.Probe probe : LayerProbes.of(entry.plugin().name())) {
                checked++;
                row(table, failures, "layer", entry, probe.spec() + " on " + probe.input(),
                        () -> LayerProbes.check(probe, chainrule.plugins(), tensors, seed));
            }
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
            Supplier<List<GradientCheckResult>> check) {
        row(table, failures, kind, entry, entry.plugin().name(), check);
    }

    private void row(TextTable table, List<String> failures, String kind, PluginEntry<?> entry, String name,
            Supplier<List<GradientCheckResult>> check) {
        String from = Origins.shorten(entry.origin());
        try {
            List<GradientCheckResult> results = check.get();
            GradientCheckResult worst = PluginVerifier.worst(results);
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

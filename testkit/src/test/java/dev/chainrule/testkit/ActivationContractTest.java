package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.testkit.fixtures.WrongSlope;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The activation contract passes a correct activation and fails a wrong one where, and only where, it is wrong. */
class ActivationContractTest {

    /** {@code ... at row R, column C (z = X): analytical A, numerical N ...}, as the gradient checker words it. */
    private static final Pattern POINT_AND_NUMBERS = Pattern.compile(
            "at row \\d+, column \\d+ \\(z = (\\S+)\\): analytical (\\S+), numerical (\\S+) ");

    @Test
    void aCorrectActivationPassesEveryCheckOnEveryBackend() {
        KitRun run = KitRun.of(Examples.ArctanTest.class);
        assertEquals(List.of(), List.copyOf(run.failures().keySet()), run::describe);
        int perBackend = 5 + 1 + 3 + 1 + 1;
        assertEquals(perBackend * Backends.all().size() + 1 + 2, run.passed().size(), run::describe);
    }

    @Test
    void aDerivativeOffByAFactorFailsNamingTheFunctionThePointAndBothNumbers() {
        KitRun run = KitRun.of(Examples.WrongSlopeTest.class);
        List<String> failed = List.copyOf(run.failures().keySet());
        for (String backend : Backends.all().stream().map(b -> b.name()).toList()) {
            for (String check : List.of("at moderate points", "at large magnitudes", "in a training pass",
                    "as every row's full Jacobian")) {
                assertTrue(failed.contains("derivativeMatchesFiniteDifferences / " + check + " on " + backend),
                        () -> check + " on " + backend + " did not fail:\n" + run.describe());
            }
        }
        assertEquals(4 * Backends.all().size(), failed.size(), () -> "only the derivative checks fail:\n"
                + run.describe());

        String message = run.failures().get("derivativeMatchesFiniteDifferences / at moderate points on plain");
        assertTrue(message.startsWith("gradient check of activation " + WrongSlope.NAME + ": max error "), message);
        Matcher numbers = POINT_AND_NUMBERS.matcher(message);
        assertTrue(numbers.find(), message);
        double z = Double.parseDouble(numbers.group(1));
        double analytical = Double.parseDouble(numbers.group(2));
        double numerical = Double.parseDouble(numbers.group(3));
        assertTrue(Math.abs(z) <= 4, message);
        assertEquals(2, analytical / numerical, 1e-6, () -> "both numbers, the analytical twice the numerical: "
                + message);
        assertTrue(message.contains("exceeds the tolerance 1.0E-6"), message);

        String jacobian = run.failures().get("derivativeMatchesFiniteDifferences / as every row's full Jacobian on plain");
        assertTrue(jacobian.toLowerCase(Locale.ROOT).contains(WrongSlope.NAME + " jacobian row 0: element 0 is "),
                jacobian);
    }

    @Test
    void anActivationThatNoServicesFileNamesFailsTheNameRulesSayingHowToRegisterIt() {
        KitRun run = KitRun.of(Examples.UnregisteredTest.class);
        List<String> failed = List.copyOf(run.failures().keySet());
        assertTrue(failed.contains("followsTheNameRules / followsTheNameRules()"), run::describe);
        String message = run.failures().get("followsTheNameRules / followsTheNameRules()");
        assertTrue(message.contains("Activation 'test_unregistered' (dev.chainrule.testkit.fixtures.Unregistered) is "
                + "not registered: annotate it with @AutoService(Activation.class)"), message);
        assertTrue(failed.stream().noneMatch(name -> name.startsWith("derivative")), run::describe);
    }
}

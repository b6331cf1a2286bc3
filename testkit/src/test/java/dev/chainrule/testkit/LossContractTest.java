package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.testkit.fixtures.HalfSquaredDistance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss contract passes a correct loss and fails one whose gradient is off by a factor, naming both numbers. */
class LossContractTest {

    @Test
    void aCorrectLossPassesEveryCheckOnEveryBackend() {
        KitRun run = KitRun.of(Examples.HalfSquaredDistanceTest.class);
        assertEquals(List.of(), List.copyOf(run.failures().keySet()), run::describe);
        assertEquals(9 * Backends.all().size() + 3, run.passed().size(), run::describe);
    }

    @Test
    void aGradientOffByAFactorFailsTheGradientCheckAndTheConventionNamingTheLoss() {
        KitRun run = KitRun.of(Examples.WrongDistanceTest.class);
        String message = run.failures().get("gradientMatchesFiniteDifferences / eight batches on plain");
        assertTrue(message != null && message.startsWith("gradient check of loss " + HalfSquaredDistance.Wrong.NAME
                + ": max error 5.000e-01 at row "), run::describe);
        assertTrue(message.matches("(?s).*\\(output = \\S+\\): analytical \\S+, numerical \\S+ .*"), message);
        assertTrue(run.failures().keySet().stream().allMatch(name -> name.startsWith("gradientMatches")
                || name.startsWith("reducesABatch")), run::describe);
    }
}

package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer contract passes a correct optimizer and catches memory kept outside the optimizer's state. */
class OptimizerContractTest {

    @Test
    void aCorrectOptimizerPassesEveryCheckOnEveryBackendAndDType() {
        KitRun run = KitRun.of(Examples.DescentTest.class);
        assertEquals(List.of(), List.copyOf(run.failures().keySet()), run::describe);
        assertEquals(5 * 2 * Backends.all().size() + 4, run.passed().size(), run::describe);
    }

    @Test
    void aStepCountKeptInAFieldIsCaughtByNameAndBreaksResumingAndSharing() {
        KitRun run = KitRun.of(Examples.CountingDescentTest.class);
        String fields = run.failures().get("holdsNoMutableFields / holdsNoMutableFields()");
        assertTrue(fields != null && fields.startsWith("test_counting_descent keeps per-step memory in the field "
                + "steps; it belongs in the OptimizerState"), run::describe);
        assertTrue(run.failures().containsKey("resumesFromItsSavedStateBitForBit / resumes on plain float64"),
                run::describe);
        assertTrue(run.failures().containsKey("aSharedInstanceIsThreadSafe / aSharedInstanceIsThreadSafe()"),
                run::describe);
    }
}

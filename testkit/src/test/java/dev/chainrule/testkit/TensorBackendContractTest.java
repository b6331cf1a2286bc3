package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend contract passes the reference backend and names the operation that a buggy one gets wrong. */
class TensorBackendContractTest {

    @Test
    void theReferenceBackendPassesEveryCheckInBothDTypes() {
        KitRun run = KitRun.of(Examples.PlainBackendTest.class);
        assertEquals(List.of(), List.copyOf(run.failures().keySet()), run::describe);
        assertEquals(2 * 30 + 1, run.passed().size(), run::describe);
        assertEquals(List.of("refusesBadArguments / a tensor of another usable backend in float32",
                "refusesBadArguments / a tensor of another usable backend in float64"),
                List.copyOf(run.aborted().keySet()), "with one backend on the class path there is no other to mix");
    }

    @Test
    void aWrongOperationFailsNamingTheOperationTheElementAndBothValues() {
        KitRun run = KitRun.of(Examples.SineForTanhBackendTest.class);
        String message = run.failures().get("appliesUnaryOperations / into a fresh output and in place in float64");
        assertTrue(message != null && message.startsWith("TANH on FLOAT64: element 0 is "), run::describe);
        assertTrue(message.contains(" but should be "), message);
        String special = run.failures().get("appliesUnaryOperations / infinities, NaN and signed zeros in float64");
        assertTrue(special != null && special.startsWith("TANH of [NaN, Infinity, "), run::describe);
        // The stand-in is a proxy whose tensors report the plain backend as theirs and which discovery does not find
        // under its name; the checks of fromArray, of work tensors and of the name rules notice that too.
        assertTrue(run.failures().keySet().stream().allMatch(name -> name.startsWith("appliesUnaryOperations")
                || name.startsWith("createsAndTransfersTensors / assign and toDoubleArray")
                || name.startsWith("reusesBuffers / work tensors")
                || name.startsWith("followsTheNameRules")), run::describe);
    }
}

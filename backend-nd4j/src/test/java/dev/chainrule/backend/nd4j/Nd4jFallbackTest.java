package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.wiring.BackendSelector;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A backend whose natives do not load is skipped by the automatic choice, names its reason when asked for by name,
 * and refuses to create tensors; ND4J is probed once. The probe is injected, so this JVM's own ND4J is untouched;
 * {@link MissingNativesTest} proves the same with the real probe in a JVM without the natives.
 */
class Nd4jFallbackTest {

    private static final String REASON = "ND4J could not start (UnsatisfiedLinkError: no jnind4jcpu in java.library.path)";

    @SuppressWarnings("unchecked")
    private final Supplier<BackendAvailability> probe = mock(Supplier.class);

    private Nd4jBackend failingBackend() {
        when(probe.get()).thenReturn(BackendAvailability.unavailable(REASON));
        return new Nd4jBackend(probe);
    }

    @Test
    void aFailedProbeMakesTheBackendUnavailableAndIsAskedOnlyOnce() {
        Nd4jBackend backend = failingBackend();
        for (int i = 0; i < 3; i++) {
            assertFalse(backend.availability().usable());
            assertEquals(REASON, backend.availability().reason());
        }
        verify(probe, times(1)).get();
    }

    @Test
    void theAutomaticChoiceFallsBackToPlainAndNamingNd4jSaysWhy() {
        Nd4jBackend nd4j = failingBackend();
        TensorBackend plain = mock(TensorBackend.class);
        when(plain.name()).thenReturn("plain");
        when(plain.priority()).thenReturn(10);
        when(plain.availability()).thenReturn(BackendAvailability.ready());
        BackendSelector selector = new BackendSelector(PluginRegistry.of(TensorBackend.class, List.of(nd4j, plain)),
                key -> null, key -> null);
        assertSame(plain, selector.select(Optional.empty()));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> selector.select(Optional.of("nd4j")));
        assertEquals("backend 'nd4j' was requested by the caller but cannot start: " + REASON, error.getMessage());
        verify(probe, times(1)).get();
    }

    @Test
    void anUnavailableBackendRefusesToCreateTensorsSayingWhy() {
        Nd4jBackend backend = failingBackend();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> backend.zeros(DType.FLOAT32, new Shape(2, 2)));
        assertEquals("backend 'nd4j' cannot start: " + REASON, error.getMessage());
        assertThrows(IllegalStateException.class, () -> backend.fromArray(DType.FLOAT64, new Shape(1, 1), new double[1]));
    }

    @Test
    void aProbeThatCannotEvenLoadNd4jsClassesGivesAReason() {
        Nd4jBackend backend = new Nd4jBackend(() -> {
            throw new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j");
        });
        BackendAvailability availability = backend.availability();
        assertFalse(availability.usable());
        assertTrue(availability.reason().startsWith(
                "ND4J could not start (NoClassDefFoundError: org/nd4j/linalg/factory/Nd4j); the nd4j backend needs "
                        + "linux-x86_64"), availability.reason());
    }

    @Test
    void theReasonForAFailedNativeLoadNamesTheRootCauseAndWhatIsNeeded() {
        Throwable failure = new ExceptionInInitializerError(new RuntimeException("ND4J is probably missing dependencies.",
                new UnsatisfiedLinkError("no jnind4jcpu in java.library.path: /usr/lib")));
        String reason = StartFailure.describe(failure);
        assertTrue(reason.startsWith("ND4J could not start (ExceptionInInitializerError, caused by UnsatisfiedLinkError: "
                + "no jnind4jcpu in java.library.path: /usr/lib)"), reason);
        assertTrue(reason.contains("nd4j-native, openblas and javacpp of classifier linux-x86_64"), reason);
    }

    @Test
    void aFailureThatIsNotALinkageProblemIsReportedAsItIs() {
        String reason = StartFailure.describe(new IllegalArgumentException("chainrule.nd4j.threads must be a whole number"
                + " >= 1, got 'many'"));
        assertEquals("ND4J could not start (IllegalArgumentException: chainrule.nd4j.threads must be a whole number >= 1, "
                + "got 'many')", reason);
    }
}

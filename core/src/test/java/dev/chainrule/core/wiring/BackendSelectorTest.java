package dev.chainrule.core.wiring;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.chainrule.core.plugin.PluginRegistry;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

    private final TensorBackend plain = backend("plain", 10, BackendAvailability.ready());
    private final TensorBackend fast = backend("fast", 100, BackendAvailability.ready());
    private final TensorBackend broken = backend("broken", 1000, BackendAvailability.unavailable("libbroken.so not found"));
    private final PluginRegistry<TensorBackend> registry = PluginRegistry.of(TensorBackend.class,
            List.of(plain, fast, broken));

    @Test
    void theCallersChoiceBeatsPropertyAndEnvironment() {
        assertSame(plain, selector(Map.of(BackendSelector.PROPERTY, "fast"), Map.of(BackendSelector.ENVIRONMENT, "fast"))
                .select(Optional.of("plain")));
    }

    @Test
    void theSystemPropertyBeatsTheEnvironment() {
        assertSame(plain, selector(Map.of(BackendSelector.PROPERTY, "plain"), Map.of(BackendSelector.ENVIRONMENT, "fast"))
                .select(Optional.empty()));
    }

    @Test
    void theEnvironmentBeatsPriority() {
        assertSame(plain, selector(Map.of(), Map.of(BackendSelector.ENVIRONMENT, "plain")).select(Optional.empty()));
    }

    @Test
    void automaticChoiceTakesTheHighestPriorityThatCanStart() {
        assertSame(fast, selector(Map.of(), Map.of()).select(Optional.empty()));
        verify(broken).availability();
    }

    @Test
    void theLogOfTheAutomaticChoiceGivesEachPriorityAndItsReason() {
        assertTrue(BackendSelector.ranking(List.of(fast, plain)).equals("priorities fast 100: it is fast here, plain 10"),
                BackendSelector.ranking(List.of(fast, plain)));
    }

    @Test
    void anUnknownNameListsTheAvailableBackends() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> selector(Map.of(BackendSelector.PROPERTY, "gpu"), Map.of()).select(Optional.empty()));
        assertTrue(error.getMessage().contains("backend 'gpu' was requested by the system property chainrule.backend"),
                error.getMessage());
        assertTrue(error.getMessage().contains("available backends: broken, fast, plain"), error.getMessage());
    }

    @Test
    void namingABackendThatCannotStartSaysWhy() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> selector(Map.of(), Map.of()).select(Optional.of("broken")));
        assertTrue(error.getMessage().contains("cannot start: libbroken.so not found"), error.getMessage());
    }

    @Test
    void anExplicitChoiceDoesNotProbeTheOthers() {
        selector(Map.of(), Map.of()).select(Optional.of("plain"));
        verify(broken, never()).availability();
    }

    @Test
    void noBackendAtAllSaysWhatToAdd() {
        BackendSelector empty = new BackendSelector(PluginRegistry.of(TensorBackend.class, List.of()), key -> null,
                key -> null);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> empty.select(Optional.empty()));
        assertTrue(error.getMessage().contains("chainrule-backend-plain"), error.getMessage());
    }

    private BackendSelector selector(Map<String, String> properties, Map<String, String> environment) {
        return new BackendSelector(registry, properties::get, environment::get);
    }

    private static TensorBackend backend(String name, int priority, BackendAvailability availability) {
        TensorBackend backend = mock(TensorBackend.class);
        when(backend.name()).thenReturn(name);
        when(backend.aliases()).thenReturn(Set.of());
        when(backend.priority()).thenReturn(priority);
        when(backend.priorityReason()).thenReturn(name.equals("fast") ? "it is fast here" : "");
        when(backend.availability()).thenReturn(availability);
        return backend;
    }
}

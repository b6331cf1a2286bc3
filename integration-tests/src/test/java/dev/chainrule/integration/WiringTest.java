package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import dev.chainrule.core.Chainrule;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.Trainer;
import dev.chainrule.core.wiring.BackendSelector;
import dev.chainrule.core.wiring.ChainruleModule;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Guice wires the chosen backend into the trainer's world; the system property chooses it. */
@ResourceLock("system properties")
class WiringTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(BackendSelector.PROPERTY);
    }

    @Test
    void theSystemPropertyPicksTheBackend() {
        System.setProperty(BackendSelector.PROPERTY, "plain");
        var injector = Guice.createInjector(new ChainruleModule(Optional.empty()));
        assertEquals("plain", injector.getInstance(TensorBackend.class).name());
        assertEquals("plain", injector.getInstance(Chainrule.class).backend().name());
        injector.getInstance(Trainer.class);
    }

    @Test
    void anUnknownBackendNameListsTheAvailableOnes() {
        System.setProperty(BackendSelector.PROPERTY, "cuda");
        ProvisionException error = assertThrows(ProvisionException.class, () -> Chainrule.create());
        String message = error.getCause().getMessage();
        assertTrue(message.contains("backend 'cuda' was requested by the system property chainrule.backend"), message);
        assertTrue(message.contains("available backends: ") && message.contains("plain"), message);
    }

    @Test
    void theApiArgumentBeatsTheProperty() {
        System.setProperty(BackendSelector.PROPERTY, "cuda");
        assertEquals("plain", Chainrule.create("plain").backend().name());
    }

    @Test
    void theFacadeResolvesSpecs() {
        Chainrule chainrule = Chainrule.create("plain");
        assertEquals("tanh", chainrule.activation("tanh").name());
        assertEquals("mse", chainrule.loss("mse").name());
        assertEquals("2 inputs -> 3 tanh -> 1 sigmoid",
                chainrule.network(2).dense(3, "tanh").dense(1, "sigmoid").build().toString());
        assertEquals("sgd(lr=0.1, momentum=0.0, dampening=0.0, nesterov=false, weight_decay=0.0)",
                chainrule.optimizer("sgd(lr=0.1)").spec().toString());
    }
}

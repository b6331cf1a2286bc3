package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.core.wiring.BackendSelector;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The ND4J backend is chosen through Guice like any other: by name, by system property, by environment variable,
 * and automatically where plain has only its scalar kernel (without the Vector API module plain ranks below nd4j,
 * with it above). Skipped, with ND4J's reason, on a machine where its natives do not load.
 */
@ResourceLock("system properties")
class Nd4jWiringTest {

    private static final String ND4J = "nd4j";

    @BeforeEach
    void requireNd4j() {
        BackendAvailability availability = Registries.backend(ND4J).availability();
        assumeTrue(availability.usable(), () -> "nd4j cannot start here: " + availability.reason());
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(BackendSelector.PROPERTY);
    }

    @Test
    void theApiNamePicksNd4j() {
        assertEquals(ND4J, Chainrule.create(ND4J).backend().name());
    }

    @Test
    void theSystemPropertyPicksNd4j() {
        System.setProperty(BackendSelector.PROPERTY, ND4J);
        assertEquals(ND4J, Chainrule.create().backend().name());
    }

    @Test
    void theEnvironmentVariablePicksNd4j() {
        Map<String, String> environment = Map.of(BackendSelector.ENVIRONMENT, ND4J);
        assertEquals(ND4J, new BackendSelector(Registries.PLUGINS.backends(), key -> null, environment::get)
                .select(Optional.empty()).name());
    }

    @Test
    void theAutomaticChoiceIsPlainWithItsVectorKernelAndNd4jOtherwise() {
        String expected = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "plain" : ND4J;
        assertEquals(expected, new BackendSelector(Registries.PLUGINS.backends(), key -> null, key -> null)
                .select(Optional.empty()).name());
        assumeTrue(System.getenv(BackendSelector.ENVIRONMENT) == null, "CHAINRULE_BACKEND is set in this environment");
        assertEquals(expected, Chainrule.create().backend().name());
    }

    @Test
    void withTheScalarKernelForcedTheAutomaticChoiceIsNd4j() {
        System.setProperty("chainrule.plain.kernel", "scalar");
        try {
            assertEquals(ND4J, new BackendSelector(Registries.PLUGINS.backends(), key -> null, key -> null)
                    .select(Optional.empty()).name());
        } finally {
            System.clearProperty("chainrule.plain.kernel");
        }
    }

    @Test
    void theWiredTrainerTrainsOnNd4j() {
        Chainrule chainrule = Chainrule.create(ND4J);
        Network network = chainrule.network(2).dense(4, "tanh").dense(1, "sigmoid").dtype(DType.FLOAT64).seed(1).build();
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        TrainingHistory history = chainrule.trainer().fit(network, xor,
                chainrule.training("binary_cross_entropy", "sgd(lr=0.5, momentum=0.9)").epochs(500).batchSize(4)
                        .build());
        assertTrue(history.last().loss() < 0.01, "final XOR loss " + history.last().loss());
        assertEquals(ND4J, network.backend().name());
    }
}

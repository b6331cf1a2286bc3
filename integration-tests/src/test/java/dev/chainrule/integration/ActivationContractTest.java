package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.testkit.ActivationContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered activation, at its defaults and at the non-default configurations of {@link ActivationCases},
 * passes the test kit's {@link ActivationContract} on every usable backend: the built-ins are held to the same
 * contract as a third party's plugin.
 */
class ActivationContractTest {

    @TestFactory
    Stream<DynamicNode> everyRegisteredActivationPassesTheTestKit() {
        return ActivationCases.specs().map(spec -> dynamicContainer(spec,
                ((ActivationContract) () -> Registries.PLUGINS.activations().create(spec)).contractTests()));
    }

    @Test
    void everyParameterisedActivationIsAlsoCheckedAwayFromItsDefaults() {
        List<String> missing = new ArrayList<>();
        for (PluginEntry<Activation> entry : Registries.PLUGINS.activations().entries()) {
            boolean covered = ActivationCases.NON_DEFAULT.stream()
                    .map(spec -> Registries.PLUGINS.activations().create(spec).spec())
                    .anyMatch(spec -> spec.name().equals(entry.plugin().name())
                            && !spec.equals(entry.plugin().spec()));
            if (!entry.parameterDefaults().isEmpty() && !covered) {
                missing.add(entry.plugin().name());
            }
        }
        assertEquals(List.of(), missing, "add non-default configurations to ActivationCases.NON_DEFAULT");
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.TensorBackendContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every usable backend on the class path passes the test kit's {@link TensorBackendContract} in both dtypes: every
 * operation against its definition, and every bad argument refused.
 */
class TensorBackendContractTest {

    @TestFactory
    Stream<DynamicNode> everyUsableBackendPassesTheTestKit() {
        return Backends.backends().map(backend -> dynamicContainer(backend.name(), contract(backend).contractTests()));
    }

    private static TensorBackendContract contract(TensorBackend backend) {
        return () -> backend;
    }
}

package dev.chainrule.integration;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.testkit.OptimizerContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered optimizer, in its default configuration and with every option switched on (the configurations of
 * {@link OptimizerTrajectoryTest#CASES}), passes the test kit's {@link OptimizerContract} on every usable backend in
 * both dtypes: its memory lives in its state, so a run resumes bit for bit, and every backend follows the reference.
 */
class OptimizerContractTest {

    @TestFactory
    Stream<DynamicNode> everyRegisteredOptimizerPassesTheTestKit() {
        return OptimizerTrajectoryTest.CASES.stream().map(OptimizerTrajectoryTest.Case::spec).map(spec ->
                dynamicContainer(spec, ((OptimizerContract) () -> Registries.PLUGINS.optimizers().create(spec))
                        .contractTests()));
    }
}

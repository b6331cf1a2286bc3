package dev.chainrule.integration;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import dev.chainrule.core.loss.Loss;
import dev.chainrule.testkit.LossContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered loss, in each configuration worth testing ({@link LossCases}), passes the test kit's
 * {@link LossContract} on every usable backend. Inputs come from the domains each loss advertises, so a new loss is
 * tested by being registered.
 */
class LossContractTest {

    @TestFactory
    Stream<DynamicNode> everyRegisteredLossPassesTheTestKit() {
        return LossCases.variants().map(loss -> dynamicContainer(loss.spec().toString(), contract(loss).contractTests()));
    }

    private static LossContract contract(Loss loss) {
        return () -> loss;
    }
}

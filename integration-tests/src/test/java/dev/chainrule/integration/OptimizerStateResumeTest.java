package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.testkit.Backends;
import dev.chainrule.testkit.Trajectories;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-ins' work buffers stay out of the saved state. That every optimizer keeps all of its memory in its
 * {@link OptimizerState}, so that a saved and restored run continues bit for bit, is part of the test kit's contract
 * ({@link OptimizerContractTest}). Restoring replaces the whole state.
 */
class OptimizerStateResumeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.integration.Registries#optimizers")
    void workBuffersAreNotPartOfTheSavedState(Optimizer optimizer) {
        // Scratch buffers are rewritten before every use: saving them would only make checkpoints bigger.
        Tensor parameter = Backends.reference().fromArray(DType.FLOAT64, Trajectories.SHAPE, Trajectories.start());
        OptimizerState state = new OptimizerState(parameter);
        Trajectories.step(optimizer, parameter, state, 1);
        assertFalse(state.slots().containsKey("step"), optimizer.name() + " saves its work buffer");
        assertFalse(state.slots().containsKey("decayed_gradient"), optimizer.name() + " saves its work buffer");
    }

    @Test
    void restoringReplacesEverySlotAndScalar() {
        OptimizerState state = new OptimizerState(
                Backends.reference().fromArray(DType.FLOAT64, Trajectories.SHAPE, Trajectories.start()));
        state.slot("stale_slot");
        state.setScalar("stale_scalar", 3);
        state.advance();

        state.restore(7, Map.of("m", new double[] {1, 2, 3, 4, 5, 6}), Map.of("beta_power", 0.5));
        assertEquals(7, state.steps());
        assertEquals(Set.of("m"), state.slots().keySet());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, state.slot("m").toDoubleArray());
        assertEquals(Map.of("beta_power", 0.5), state.scalars());

        state.restore(2, Map.of("v", new double[6]));
        assertEquals(2, state.steps());
        assertEquals(Set.of("v"), state.slots().keySet());
        assertEquals(Map.of(), state.scalars(), "a state saved without scalars has none");
    }
}

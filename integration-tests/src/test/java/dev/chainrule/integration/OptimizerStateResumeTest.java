package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer keeps all of its memory in its {@link OptimizerState}: a run saved after 10 steps as plain numbers
 * (the parameter, the step count, every slot as a double array and every scalar), restored into a fresh parameter and
 * state, and continued for 15 steps ends bit for bit where an uninterrupted run of 25 steps does.
 */
class OptimizerStateResumeTest {

    private static final int SAVED_AFTER = 10;

    static Stream<Arguments> cases() {
        return OptimizerTrajectoryTest.CASES.stream().flatMap(testCase -> Backends.backends()
                .flatMap(backend -> Stream.of(DType.values()).map(dtype -> Arguments.of(testCase.spec(), backend, dtype))));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("cases")
    void aSavedAndRestoredRunContinuesBitForBit(String spec, TensorBackend backend, DType dtype) {
        Optimizer optimizer = Registries.PLUGINS.optimizers().create(spec);
        double[][] uninterrupted = Trajectories.run(optimizer, backend, dtype);

        Tensor parameter = backend.fromArray(dtype, Trajectories.SHAPE, Trajectories.START);
        OptimizerState state = new OptimizerState(parameter);
        for (int t = 1; t <= SAVED_AFTER; t++) {
            Trajectories.step(optimizer, parameter, state, t);
        }
        double[] savedParameter = parameter.toDoubleArray();
        long savedSteps = state.steps();
        Map<String, double[]> savedSlots = new LinkedHashMap<>();
        state.slots().forEach((name, slot) -> savedSlots.put(name, slot.toDoubleArray()));
        Map<String, Double> savedScalars = new LinkedHashMap<>(state.scalars());

        // A fresh optimizer instance from the same spec, a fresh parameter and a fresh state: nothing carries over but
        // the saved numbers.
        Optimizer resumedOptimizer = Registries.PLUGINS.optimizers().create(optimizer.spec());
        Tensor resumed = backend.fromArray(dtype, Trajectories.SHAPE, savedParameter);
        OptimizerState restored = new OptimizerState(resumed);
        restored.restore(savedSteps, savedSlots, savedScalars);
        assertEquals(SAVED_AFTER, restored.steps());
        for (int t = SAVED_AFTER + 1; t <= Trajectories.STEPS; t++) {
            Trajectories.step(resumedOptimizer, resumed, restored, t);
            assertArrayEquals(uninterrupted[t - 1], resumed.toDoubleArray(), spec + ": step " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.integration.Registries#optimizers")
    void optimizersHoldNoMutableFields(Optimizer optimizer) {
        for (Class<?> type = optimizer.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    assertTrue(Modifier.isFinal(field.getModifiers()),
                            optimizer.name() + " keeps per-step memory in the field " + field.getName()
                                    + "; it belongs in the OptimizerState");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chainrule.integration.Registries#optimizers")
    void workBuffersAreNotPartOfTheSavedState(Optimizer optimizer) {
        // Scratch buffers are rewritten before every use: saving them would only make checkpoints bigger.
        Tensor parameter = Backends.reference().fromArray(DType.FLOAT64, Trajectories.SHAPE, Trajectories.START);
        OptimizerState state = new OptimizerState(parameter);
        Trajectories.step(optimizer, parameter, state, 1);
        assertFalse(state.slots().containsKey("step"), optimizer.name() + " saves its work buffer");
        assertFalse(state.slots().containsKey("decayed_gradient"), optimizer.name() + " saves its work buffer");
    }
}

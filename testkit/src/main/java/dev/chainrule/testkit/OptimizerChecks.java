package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.optimizer.Optimizer;
import dev.chainrule.core.optimizer.OptimizerState;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks of {@link OptimizerContract}, one method per test, on the runs of {@link Trajectories}. */
final class OptimizerChecks {

    private static final int SAVED_AFTER = 10;

    private OptimizerChecks() {
    }

    /** The spec lists every hyperparameter, {@code lr} among them, is the {@code toString}, and recreates the optimizer. */
    static void specNamesEveryHyperparameterAndRoundTrips(Optimizer optimizer) {
        PluginEntry<Optimizer> entry = Registration.registry(Optimizer.class, optimizer).entry(optimizer.name());
        assertEquals(entry.parameterDefaults().keySet(), optimizer.spec().arguments().keySet(),
                () -> optimizer.name() + ": the spec must name every hyperparameter");
        assertTrue(entry.parameterDefaults().containsKey("lr"), () -> optimizer.name() + " has no lr");
        assertEquals(optimizer.spec().toString(), optimizer.toString(), "toString() shows the spec");
        Optimizer again = Registration.specRoundTrips(Optimizer.class, optimizer);
        assertEquals(optimizer.spec(), again.spec());
        assertEquals(Double.parseDouble(optimizer.spec().arguments().get("lr")), optimizer.learningRate(),
                () -> optimizer.name() + ": learningRate() must be the lr of the spec");
    }

    /**
     * A run saved after 10 steps as plain numbers (the parameter, the step count, every slot and scalar), restored
     * into a fresh parameter, state and optimizer made from the spec, and continued ends bit for bit where an
     * uninterrupted run does: the optimizer keeps all of its memory in the state.
     */
    static void resumesBitForBit(Optimizer optimizer, TensorBackend backend, DType dtype) {
        double[][] uninterrupted = Trajectories.run(optimizer, backend, dtype);
        Tensor parameter = backend.fromArray(dtype, Trajectories.SHAPE, Trajectories.start());
        OptimizerState state = new OptimizerState(parameter);
        for (int t = 1; t <= SAVED_AFTER; t++) {
            Trajectories.step(optimizer, parameter, state, t);
        }
        double[] savedParameter = parameter.toDoubleArray();
        long savedSteps = state.steps();
        Map<String, double[]> savedSlots = new LinkedHashMap<>();
        state.slots().forEach((name, slot) -> savedSlots.put(name, slot.toDoubleArray()));
        Map<String, Double> savedScalars = new LinkedHashMap<>(state.scalars());

        Optimizer resumedOptimizer = Registration.specRoundTrips(Optimizer.class, optimizer);
        Tensor resumed = backend.fromArray(dtype, Trajectories.SHAPE, savedParameter);
        OptimizerState restored = new OptimizerState(resumed);
        restored.restore(savedSteps, savedSlots, savedScalars);
        assertEquals(SAVED_AFTER, restored.steps(), () -> optimizer.spec() + ": one advance() per update");
        for (int t = SAVED_AFTER + 1; t <= Trajectories.STEPS; t++) {
            Trajectories.step(resumedOptimizer, resumed, restored, t);
            assertArrayEquals(uninterrupted[t - 1], resumed.toDoubleArray(),
                    optimizer.spec() + " resumed from its saved state: step " + t);
        }
    }

    /** Per-step memory belongs in the state, so every instance field is final. */
    static void holdsNoMutableFields(Optimizer optimizer) {
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

    /** Every backend follows the reference backend's run. */
    static void agreesWithTheReferenceBackend(Optimizer optimizer, TensorBackend backend, DType dtype) {
        double[][] actual = Trajectories.run(optimizer, backend, dtype);
        double[][] plain = Trajectories.run(optimizer, Backends.reference(), dtype);
        double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        for (int t = 0; t < plain.length; t++) {
            Approx.assertClose(plain[t], actual[t], tolerance, optimizer.spec() + " on " + backend.name()
                    + " against the reference backend: step " + (t + 1));
        }
    }

    /** Two runs, and a run of an instance made from the same spec, agree bit for bit. */
    static void deterministic(Optimizer optimizer, TensorBackend backend, DType dtype) {
        double[][] first = Trajectories.run(optimizer, backend, dtype);
        assertTrue(Arrays.deepEquals(first, Trajectories.run(optimizer, backend, dtype)),
                () -> optimizer.spec() + ": two runs from fresh states differ");
        Optimizer twin = Registration.specRoundTrips(Optimizer.class, optimizer);
        assertTrue(Arrays.deepEquals(first, Trajectories.run(twin, backend, dtype)),
                () -> optimizer.spec() + ": an instance made from the same spec runs differently");
    }

    /**
     * {@code update} leaves the gradient alone and keeps the parameter's shape and dtype, and its slots have them too,
     * for single elements, rows and columns; every value stays finite.
     */
    static void shapesAndDTypes(Optimizer optimizer, TensorBackend backend, DType dtype) {
        for (Shape shape : List.of(new Shape(1, 1), new Shape(1, 5), new Shape(4, 1), new Shape(3, 2))) {
            String what = optimizer.spec() + " on " + shape + " " + dtype.label();
            Tensor parameter = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -1, 1, 61);
            OptimizerState state = new OptimizerState(parameter);
            for (int t = 1; t <= 3; t++) {
                Tensor gradient = Points.uniform(backend, dtype, shape.rows(), shape.columns(), -1, 1, 70 + t);
                double[] before = gradient.toDoubleArray();
                optimizer.update(parameter, gradient, state, optimizer.learningRate());
                assertArrayEquals(before, gradient.toDoubleArray(), what + ": update modified the gradient");
            }
            assertEquals(shape, parameter.shape(), what + ": shape");
            assertEquals(dtype, parameter.dtype(), what + ": dtype");
            assertTrue(Arrays.stream(parameter.toDoubleArray()).allMatch(Double::isFinite),
                    () -> what + ": the parameter became " + parameter);
            state.slots().forEach((name, slot) -> {
                assertEquals(shape, slot.shape(), what + ": slot " + name);
                assertEquals(dtype, slot.dtype(), what + ": slot " + name);
            });
        }
    }

    /** On {@code |p|^2 / 2}, whose gradient is {@code p}, {@value Trajectories#STEPS} steps lower the value. */
    static void descends(Optimizer optimizer, TensorBackend backend, DType dtype) {
        Tensor parameter = backend.fromArray(dtype, Trajectories.SHAPE, Trajectories.start());
        OptimizerState state = new OptimizerState(parameter);
        double start = halfSquare(parameter);
        Tensor gradient = parameter.newLike();
        for (int t = 1; t <= Trajectories.STEPS; t++) {
            backend.copy(parameter, gradient);
            optimizer.update(parameter, gradient, state, optimizer.learningRate());
        }
        double end = halfSquare(parameter);
        assertTrue(end < start, () -> optimizer.spec() + " does not descend: |p|^2/2 went from " + start + " to "
                + end + " in " + Trajectories.STEPS + " steps along its own gradient");
    }

    /** One instance shared by threads, each with its own parameter and state, runs as it runs alone. */
    static void sharedInstanceIsThreadSafe(Optimizer optimizer, TensorBackend backend) {
        SharedUse.agreesWithLoneUse(optimizer.spec().toString(), t -> {
            double[][] run = Trajectories.run(optimizer, backend, t % 2 == 0 ? DType.FLOAT64 : DType.FLOAT32);
            return Arrays.stream(run).flatMapToDouble(Arrays::stream).toArray();
        });
    }

    private static double halfSquare(Tensor parameter) {
        return Arrays.stream(parameter.toDoubleArray()).map(p -> p * p / 2).sum();
    }
}

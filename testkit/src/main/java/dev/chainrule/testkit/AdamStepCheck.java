package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.SplittableRandom;

/**
 * A backend's own (fused) {@link TensorBackend#adamStep} against the nine passes that define it,
 * {@code TensorBackend}'s default run on the same backend's operations: the moments and the parameter must agree bit
 * for bit, and the gradient must be left as it was. The inputs are drawn from {@code seed}; the first element has a
 * zero gradient and a zero second moment, where the denominator is epsilon alone.
 *
 * <pre>{@code
 * AdamStepCheck.assertFusedMatchesItsPasses(new ArrayBackend(), DType.FLOAT32, new Shape(37, 61), 7);
 * }</pre>
 */
public final class AdamStepCheck {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double STEP_SIZE = 0.0031;
    private static final double EPSILON = 1.3e-8;

    private AdamStepCheck() {
    }

    /** Runs both forms of one Adam step on {@code shape}-shaped tensors of {@code dtype} and compares them. */
    public static void assertFusedMatchesItsPasses(TensorBackend backend, DType dtype, Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] parameter = random.doubles(shape.size(), -1, 1).toArray();
        double[] gradient = random.doubles(shape.size(), -0.2, 0.2).toArray();
        double[] first = random.doubles(shape.size(), -0.02, 0.02).toArray();
        double[] second = random.doubles(shape.size(), 0, 0.004).toArray();
        gradient[0] = 0;
        second[0] = 0;

        Tensor g = backend.fromArray(dtype, shape, gradient);
        Tensor p = backend.fromArray(dtype, shape, parameter);
        Tensor m = backend.fromArray(dtype, shape, first);
        Tensor v = backend.fromArray(dtype, shape, second);
        withTheDefaultAdamStep(backend).adamStep(p, g, m, v, BETA1, BETA2, STEP_SIZE, EPSILON,
                backend.zeros(dtype, shape));

        Tensor fusedP = backend.fromArray(dtype, shape, parameter);
        Tensor fusedM = backend.fromArray(dtype, shape, first);
        Tensor fusedV = backend.fromArray(dtype, shape, second);
        backend.adamStep(fusedP, g, fusedM, fusedV, BETA1, BETA2, STEP_SIZE, EPSILON, backend.zeros(dtype, shape));

        String where = "adamStep on " + dtype.label() + " " + shape + ": ";
        assertArrayEquals(m.toDoubleArray(), fusedM.toDoubleArray(), where + "the first moment");
        assertArrayEquals(v.toDoubleArray(), fusedV.toDoubleArray(), where + "the second moment");
        assertArrayEquals(p.toDoubleArray(), fusedP.toDoubleArray(), where + "the parameter");
        assertArrayEquals(Approx.rounded(dtype, gradient), g.toDoubleArray(), where + "the gradient was modified");
    }

    /** {@code backend} with {@code TensorBackend}'s default {@code adamStep}; every other call goes to it. */
    private static TensorBackend withTheDefaultAdamStep(TensorBackend backend) {
        return (TensorBackend) Proxy.newProxyInstance(TensorBackend.class.getClassLoader(),
                new Class<?>[] {TensorBackend.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("adamStep")) {
                        return InvocationHandler.invokeDefault(proxy, method, arguments);
                    }
                    try {
                        return method.invoke(backend, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

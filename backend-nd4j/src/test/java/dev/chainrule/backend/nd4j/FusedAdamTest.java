package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.core.tensor.BackendAvailability;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Adam step on the Java side gives bit for bit the numbers of the nine ND4J passes that define it (the default
 * {@code TensorBackend.adamStep}, called through a proxy that runs it on this backend's operations), in both dtypes, for tensors shorter than a window, of several windows and a
 * remainder, and with zero gradients and second moments (where the denominator is epsilon alone).
 */
class FusedAdamTest {

    private final Nd4jBackend backend = new Nd4jBackend();

    @BeforeEach
    void needsNd4j() {
        BackendAvailability availability = backend.availability();
        assumeTrue(availability.usable(), availability::reason);
    }

    static Stream<Arguments> cases() {
        return Stream.of(DType.values()).flatMap(dtype -> Stream.of(new Shape(3, 5), new Shape(37, 61),
                new Shape(1, Staging.WINDOW)).map(shape -> Arguments.of(dtype, shape)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void equalsTheNd4jPassesOfItsDefinition(DType dtype, Shape shape) {
        SplittableRandom random = new SplittableRandom(shape.size() * 7L + dtype.ordinal());
        double[] parameter = random.doubles(shape.size(), -1, 1).toArray();
        double[] gradient = random.doubles(shape.size(), -0.2, 0.2).toArray();
        double[] first = random.doubles(shape.size(), -0.02, 0.02).toArray();
        double[] second = random.doubles(shape.size(), 0, 0.004).toArray();
        gradient[0] = 0;
        second[0] = 0;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double stepSize = 0.0031;
        double epsilon = 1.3e-8;

        Tensor g = backend.fromArray(dtype, shape, gradient);
        Tensor p = backend.fromArray(dtype, shape, parameter);
        Tensor m = backend.fromArray(dtype, shape, first);
        Tensor v = backend.fromArray(dtype, shape, second);
        withCoresDefaultAdam(backend).adamStep(p, g, m, v, beta1, beta2, stepSize, epsilon, backend.zeros(dtype,
                shape));

        Tensor fusedP = backend.fromArray(dtype, shape, parameter);
        Tensor fusedM = backend.fromArray(dtype, shape, first);
        Tensor fusedV = backend.fromArray(dtype, shape, second);
        backend.adamStep(fusedP, g, fusedM, fusedV, beta1, beta2, stepSize, epsilon, backend.zeros(dtype, shape));

        assertArrayEquals(m.toDoubleArray(), fusedM.toDoubleArray(), "first moment");
        assertArrayEquals(v.toDoubleArray(), fusedV.toDoubleArray(), "second moment");
        assertArrayEquals(p.toDoubleArray(), fusedP.toDoubleArray(), "parameter");
        assertArrayEquals(rounded(dtype, gradient), g.toDoubleArray(), "the gradient is not modified");
    }

    @Test
    void refusesTensorsOfAnotherShapeOrDType() {
        Tensor a = backend.zeros(DType.FLOAT32, new Shape(2, 3));
        Tensor b = backend.zeros(DType.FLOAT32, new Shape(3, 2));
        Tensor c = backend.zeros(DType.FLOAT64, new Shape(2, 3));
        assertThrows(IllegalArgumentException.class, () -> backend.adamStep(a, b, a.newLike(), a.newLike(), 0.9,
                0.999, 0.001, 1e-8, a.newLike()));
        assertThrows(IllegalArgumentException.class, () -> backend.adamStep(a, c, a.newLike(), a.newLike(), 0.9,
                0.999, 0.001, 1e-8, a.newLike()));
    }

    /**
     * The backend with {@code TensorBackend}'s own default {@code adamStep}, the nine separate passes, running on the
     * backend's operations: every other call goes to the backend itself.
     */
    private static TensorBackend withCoresDefaultAdam(TensorBackend backend) {
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

    private static double[] rounded(DType dtype, double[] values) {
        return dtype == DType.FLOAT32
                ? Arrays.stream(values).map(value -> (float) value).toArray()
                : values.clone();
    }
}

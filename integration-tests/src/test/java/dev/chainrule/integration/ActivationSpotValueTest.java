package dev.chainrule.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.integration.ActivationReferenceValues.Point;
import dev.chainrule.integration.ActivationReferenceValues.Row;
import dev.chainrule.testkit.Backends;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation and its derivative at spot values worked out independently of the code under test
 * ({@link ActivationReferenceValues}, from a checked-in mpmath script), on every backend in both dtypes.
 */
class ActivationSpotValueTest {

    /** Relative and absolute tolerances per dtype: the reference is exact to the last bit of a double. */
    private record Tolerance(double relative, double absolute) {
        static Tolerance of(DType dtype) {
            return dtype == DType.FLOAT64 ? new Tolerance(1e-11, 1e-14) : new Tolerance(2e-6, 1e-6);
        }

        boolean accepts(double expected, double actual) {
            return Math.abs(expected - actual) <= relative * Math.abs(expected) + absolute;
        }
    }

    static Stream<Arguments> points() {
        return ActivationReferenceValues.POINTS.stream().flatMap(point -> Backends.backendsAndDTypes()
                .map(backendAndDType -> Arguments.of(point, backendAndDType.get()[0], backendAndDType.get()[1])));
    }

    static Stream<Arguments> rows() {
        return ActivationReferenceValues.ROWS.stream().flatMap(row -> Backends.backendsAndDTypes()
                .map(backendAndDType -> Arguments.of(row, backendAndDType.get()[0], backendAndDType.get()[1])));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("points")
    void valueAndDerivativeMatchTheReference(Point point, TensorBackend backend, DType dtype) {
        Tensor z = backend.fromArray(dtype, new Shape(1, 1), new double[] {point.z()});
        Activation activation = ActivationCases.bound(point.spec(), 1, backend, dtype);
        Tensor a = activation.forward(z);
        Tensor derivative = activation.backward(z, a, backend.fill(1, z.newLike()));
        Tolerance tolerance = Tolerance.of(dtype);
        assertTrue(tolerance.accepts(point.value(), a.get(0, 0)),
                () -> point.spec() + "(" + point.z() + ") should be " + point.value() + ", got " + a.get(0, 0));
        assertTrue(tolerance.accepts(point.derivative(), derivative.get(0, 0)),
                () -> point.spec() + "'(" + point.z() + ") should be " + point.derivative() + ", got "
                        + derivative.get(0, 0));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("rows")
    void rowValueAndVectorJacobianProductMatchTheReference(Row row, TensorBackend backend, DType dtype) {
        Shape shape = new Shape(1, row.z().length);
        Tensor z = backend.fromArray(dtype, shape, row.z());
        Activation activation = ActivationCases.bound(row.spec(), shape.columns(), backend, dtype);
        Tensor a = activation.forward(z);
        Tensor vjp = activation.backward(z, a, backend.fromArray(dtype, shape, row.g()));
        Tolerance tolerance = Tolerance.of(dtype);
        for (int j = 0; j < shape.columns(); j++) {
            int column = j;
            assertTrue(tolerance.accepts(row.value()[j], a.get(0, j)),
                    () -> row.spec() + " element " + column + " should be " + row.value()[column] + ", got " + a.get(0, column));
            assertTrue(tolerance.accepts(row.vjp()[j], vjp.get(0, j)),
                    () -> row.spec() + " VJP element " + column + " should be " + row.vjp()[column] + ", got "
                            + vjp.get(0, column));
        }
    }

    @Test
    void everyBuiltInActivationHasReferenceValues() {
        Set<String> referenced = Stream.concat(ActivationReferenceValues.POINTS.stream().map(Point::spec),
                        ActivationReferenceValues.ROWS.stream().map(Row::spec))
                .map(spec -> Registries.PLUGINS.activations().create(spec).name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ActivationCases.builtIns().map(entry -> entry.plugin().name())
                .collect(Collectors.toCollection(TreeSet::new)), referenced);
    }
}

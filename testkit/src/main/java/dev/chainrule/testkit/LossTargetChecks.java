package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.plugin.PluginEntry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bad targets are clear errors at every entry point that takes targets ({@code value}, {@code gradient} and each
 * fused gradient the loss offers for an activation on the class path): an {@link IllegalArgumentException} whose
 * message names the loss, the shapes and, for a bad value, the row.
 */
final class LossTargetChecks {

    private LossTargetChecks() {
    }

    static void rejectsTargetsOfTheWrongShapeNamingBothShapes(Loss loss, TensorBackend backend) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, LossInputs.ROWS, 4);
        Tensor wrong = backend.zeros(DType.FLOAT64, new Shape(LossInputs.ROWS, inputs.target().columns() + 1));
        for (Runnable call : calls(loss, inputs.output(), wrong)) {
            String message = assertThrows(IllegalArgumentException.class, call::run,
                    () -> loss.spec() + " accepted targets of shape " + wrong.shape() + " beside outputs of shape "
                            + inputs.output().shape()).getMessage();
            assertTrue(message.contains(loss.name()) && message.contains(wrong.shape().toString())
                    && message.contains(inputs.output().shape().toString()),
                    () -> "the message should name " + loss.name() + " and both shapes: " + message);
        }
    }

    static void rejectsNaNTargetsNamingTheRow(Loss loss, TensorBackend backend) {
        assertRejected(loss, backend, Double.NaN);
    }

    static void rejectsTargetsOutsideItsDomainNamingRowAndValue(Loss loss, TensorBackend backend) {
        for (double invalid : DomainSamples.of(loss.targetDomain()).invalid()) {
            assertRejected(loss, backend, invalid);
        }
    }

    /** Plants {@code invalid} at row 1, column 0 of valid targets; every entry point must name loss, row and shapes. */
    private static void assertRejected(Loss loss, TensorBackend backend, double invalid) {
        LossInputs inputs = LossInputs.typical(loss, backend, DType.FLOAT64, LossInputs.ROWS, 6);
        double[] values = inputs.target().toDoubleArray();
        values[inputs.target().columns()] = invalid;
        Tensor target = backend.fromArray(DType.FLOAT64, inputs.target().shape(), values);
        for (Runnable call : calls(loss, inputs.output(), target)) {
            String message = assertThrows(IllegalArgumentException.class, call::run,
                    () -> loss.spec() + " accepted the target " + invalid).getMessage();
            assertTrue(message.contains(loss.name()) && message.contains("row 1")
                    && message.contains(target.shape().toString())
                    && message.contains(inputs.output().shape().toString()),
                    () -> "the message should name " + loss.name() + ", row 1 and both shapes: " + message);
        }
    }

    /** Every entry point that takes targets: value, gradient, and each fused gradient the loss offers. */
    private static List<Runnable> calls(Loss loss, Tensor output, Tensor target) {
        Stream<Runnable> direct = Stream.of(() -> loss.value(output, target), () -> loss.gradient(output, target));
        Stream<Runnable> fused = Registration.registry(Activation.class, loss).entries().stream()
                .map(PluginEntry::plugin)
                .flatMap(activation -> loss.fusedGradient(activation).stream())
                .map(gradient -> () -> gradient.gradient(output, output, target, output.newLike()));
        return Stream.concat(direct, fused).toList();
    }
}

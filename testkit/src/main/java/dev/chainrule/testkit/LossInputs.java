package dev.chainrule.testkit;

import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Outputs and targets of one batch for a loss, drawn from the {@link Domain}s the loss advertises
 * ({@link DomainSamples}), with {@value #COLUMNS} outputs per row.
 *
 * <pre>{@code
 * LossInputs inputs = LossInputs.typical(loss, Backends.reference(), DType.FLOAT64, LossInputs.ROWS, 1);
 * double value = loss.value(inputs.output(), inputs.target());
 * }</pre>
 *
 * @param output the network outputs, {@code rows x COLUMNS}
 * @param target the targets, shaped for the loss's target domain
 */
public record LossInputs(Tensor output, Tensor target) {

    /** Rows of a test batch. */
    public static final int ROWS = 6;
    /** Outputs per row. */
    public static final int COLUMNS = 4;

    /** Typical inputs: well inside both domains. */
    public static LossInputs typical(Loss loss, TensorBackend backend, DType dtype, int rows, long seed) {
        return draw(loss, backend, dtype, rows, seed, DomainSamples::typical, DomainSamples::typical);
    }

    /**
     * Inputs at the edges of the domains, 12 rows: {@code kind} 0 puts the outputs there, 1 the targets, 2 both (see
     * {@link #extremeKinds()}).
     */
    public static LossInputs extreme(Loss loss, TensorBackend backend, DType dtype, int kind, long seed) {
        Function<DomainSamples, DomainSamples.Sampler> outputs = kind == 1 ? DomainSamples::typical
                : DomainSamples::extreme;
        Function<DomainSamples, DomainSamples.Sampler> targets = kind == 0 ? DomainSamples::typical
                : DomainSamples::extreme;
        return draw(loss, backend, dtype, 12, seed, outputs, targets);
    }

    /** The three kinds of {@link #extreme} inputs. */
    public static List<Integer> extremeKinds() {
        return List.of(0, 1, 2);
    }

    /** A tensor of {@code values} shaped for {@code domain} beside {@link #COLUMNS} outputs. */
    public static Tensor tensor(TensorBackend backend, DType dtype, Domain domain, int rows, double[] values) {
        return backend.fromArray(dtype, new Shape(rows, domain.columns(COLUMNS)), values);
    }

    private static LossInputs draw(Loss loss, TensorBackend backend, DType dtype, int rows, long seed,
            Function<DomainSamples, DomainSamples.Sampler> outputs,
            Function<DomainSamples, DomainSamples.Sampler> targets) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor output = tensor(backend, dtype, loss.outputDomain(), rows,
                outputs.apply(DomainSamples.of(loss.outputDomain())).draw(rows, COLUMNS, random));
        Tensor target = tensor(backend, dtype, loss.targetDomain(), rows,
                targets.apply(DomainSamples.of(loss.targetDomain())).draw(rows, COLUMNS, random));
        return new LossInputs(output, target);
    }
}

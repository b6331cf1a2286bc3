package dev.chainrule.losses;

import com.google.auto.service.AutoService;
import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.Domain;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import dev.chainrule.core.loss.TargetChecks;
import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Spec;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.tensor.UnaryOp;
import java.util.Optional;

/**
 * Binary cross-entropy on probabilities, 0/1 or soft targets in {@code [0, 1]}: terms
 * {@code -[y log p + (1 - y) log(1 - p)]}, with {@code p = a} and {@code 1 - p} clipped as {@link Clipping} says;
 * {@code dE/da = ((1 - y) / (1 - p) - y / p) / m = (p - y) / (p (1 - p) m)}. Weighted. After a sigmoid output the
 * fused gradient is {@code dE/dz = (a - y) / m}, finite at any logit.
 */
@AutoService(Loss.class)
public final class BinaryCrossEntropy implements Loss {

    /** The registry name. */
    public static final String NAME = "binary_cross_entropy";

    /** The sigmoid activation's registry name. */
    static final String SIGMOID = "sigmoid";

    private final Reducer reducer;
    private final Spec spec;

    /** The default configuration, for discovery. */
    public BinaryCrossEntropy() {
        this(Arguments.defaults(NAME));
    }

    private BinaryCrossEntropy(Arguments arguments) {
        this.reducer = Reducer.readWeighted(NAME, arguments);
        this.spec = arguments.resolvedSpec();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryCrossEntropy configure(Arguments arguments) {
        return new BinaryCrossEntropy(arguments);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Domain outputDomain() {
        return Domain.PROBABILITY;
    }

    @Override
    public Domain targetDomain() {
        return Domain.PROBABILITY;
    }

    @Override
    public double value(Tensor output, Tensor target) {
        return value(output, target, output.newLike());
    }

    @Override
    public double value(Tensor output, Tensor target, Tensor work) {
        TargetChecks.check(this, output, target, work);
        return reducer.value(terms(output, target, work), output.shape());
    }

    @Override
    public Tensor gradient(Tensor output, Tensor target, Tensor out) {
        TargetChecks.check(this, output, target, out);
        slopes(output, target, out);
        return reducer.gradient(out, output.shape());
    }

    @Override
    public Optional<FusedOutputGradient> fusedGradient(Activation outputActivation) {
        if (!outputActivation.name().equals(SIGMOID)) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> {
            TargetChecks.check(this, a, target, out);
            a.backend().binary(BinaryOp.SUB, a, target, out);
            return reducer.gradient(out, a.shape());
        });
    }

    /** {@code -[y log p + (1 - y) log(1 - p)]} in a new tensor, with {@code p} and {@code 1 - p} clipped. */
    static Tensor terms(Tensor output, Tensor y) {
        return terms(output, y, output.newLike());
    }

    /**
     * {@code out = -[y log p + (1 - y) log(1 - p)]}, with {@code p} and {@code 1 - p} clipped; {@code out} and its work
     * tensors 0 to 2 are modified.
     */
    static Tensor terms(Tensor output, Tensor y, Tensor out) {
        TensorBackend backend = output.backend();
        Tensor positive = Clipping.probabilities(output, out.scratch(0));
        backend.unary(UnaryOp.LOG, positive, positive);
        backend.binary(BinaryOp.MUL, y, positive, positive);
        Tensor negative = backend.unary(UnaryOp.NEG, y, out.scratch(1));
        backend.binary(BinaryOp.ADD, negative, 1, negative);
        Tensor logComplement = Clipping.complements(output, out.scratch(2));
        backend.unary(UnaryOp.LOG, logComplement, logComplement);
        backend.binary(BinaryOp.MUL, negative, logComplement, negative);
        backend.binary(BinaryOp.ADD, positive, negative, out);
        return backend.unary(UnaryOp.NEG, out, out);
    }

    /**
     * {@code out} = the terms' derivatives {@code (1 - y) / (1 - p) - y / p}, with {@code p} and {@code 1 - p}
     * clipped: {@code (p - y) / (p (1 - p))} written without the subtraction, which would lose the clipped bound.
     * {@code out} and its work tensors 0 and 2 are modified.
     */
    static Tensor slopes(Tensor output, Tensor y, Tensor out) {
        TensorBackend backend = output.backend();
        backend.unary(UnaryOp.NEG, y, out);
        backend.binary(BinaryOp.ADD, out, 1, out);
        backend.binary(BinaryOp.DIV, out, Clipping.complements(output, out.scratch(2)), out);
        Tensor positive = Clipping.probabilities(output, out.scratch(0));
        backend.binary(BinaryOp.DIV, y, positive, positive);
        return backend.binary(BinaryOp.SUB, out, positive, out);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}

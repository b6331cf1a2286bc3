package dev.chainrule.losses;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.loss.FusedOutputGradient;
import dev.chainrule.core.loss.Loss;
import java.util.Optional;

/** The fused output gradient that the squared errors share: after an identity output, {@code dE/dz = dE/da}. */
final class SquaredErrors {

    /** The identity activation's registry name. */
    static final String IDENTITY = "identity";

    private SquaredErrors() {
    }

    /** {@code loss}'s own gradient as the fused {@code dE/dz} when {@code outputActivation} is the identity. */
    static Optional<FusedOutputGradient> afterIdentity(Loss loss, Activation outputActivation) {
        if (!outputActivation.name().equals(IDENTITY)) {
            return Optional.empty();
        }
        return Optional.of((z, a, target, out) -> loss.gradient(a, target, out));
    }
}

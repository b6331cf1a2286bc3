package dev.chainrule.core.activation;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How one forward pass runs: for inference (prediction, evaluation), or for training with a seeded source of
 * randomness. An activation that behaves differently while training, such as {@code rrelu} with its random slopes,
 * reads this in {@link Activation#forward(dev.chainrule.core.tensor.Tensor, dev.chainrule.core.tensor.Tensor,
 * ForwardContext)}.
 *
 * <p>Random numbers are drawn on the Java side and uploaded to the backend, so every backend sees the same numbers
 * for the same seed. The trainer makes one training context per batch, split from its seed; the layers of a pass run
 * in order, so each layer's draws are reproducible. A context serves one pass and is not thread-safe.
 */
public final class ForwardContext {

    private static final ForwardContext INFERENCE = new ForwardContext(null);

    private final SplittableRandom random;

    private ForwardContext(SplittableRandom random) {
        this.random = random;
    }

    /** A pass for prediction or evaluation: deterministic, no random numbers. */
    public static ForwardContext inference() {
        return INFERENCE;
    }

    /** A training pass that draws from {@code random}, which it keeps and advances. */
    public static ForwardContext training(SplittableRandom random) {
        return new ForwardContext(Objects.requireNonNull(random, "random"));
    }

    /** A training pass that draws from a generator seeded with {@code seed}; equal seeds give equal passes. */
    public static ForwardContext training(long seed) {
        return training(new SplittableRandom(seed));
    }

    /** Whether this pass trains the network. */
    public boolean training() {
        return random != null;
    }

    /**
     * A generator of its own for one activation's draws in this pass, split from the pass's generator. Call it once
     * per forward call and draw everything from the result.
     *
     * @throws IllegalStateException in an inference pass, which draws no random numbers
     */
    public SplittableRandom random() {
        if (random == null) {
            throw new IllegalStateException("an inference pass draws no random numbers; ask training() first");
        }
        return random.split();
    }

    @Override
    public String toString() {
        return training() ? "training pass" : "inference pass";
    }
}

package dev.chainrule.core.initializer;

import dev.chainrule.core.plugin.Arguments;
import dev.chainrule.core.plugin.Plugin;
import dev.chainrule.core.tensor.Shape;
import java.util.SplittableRandom;

/**
 * How a parameter tensor is filled before training: {@code glorot_uniform}, {@code he_normal(mode=fan_out)},
 * {@code orthogonal(gain=1.4)}, ... A layer asks for its weights by an initializer's spec, and the network builder
 * draws them on the Java side from a generator split from the network's seed, so one seed gives the same initial
 * network on every backend.
 *
 * <p>{@link #values} receives the tensor's shape and its fans: for a dense layer's {@code inputs x outputs} weights,
 * fan-in is {@code inputs} and fan-out {@code outputs}; a layer whose weights are laid out otherwise (a convolution's
 * kernels) says what its fans are. Scaled schemes read the fans, structural ones ({@code orthogonal},
 * {@code identity}) the shape.
 *
 * <p>An example, uniform numbers in {@code ±scale / sqrt(fan_in)}:
 * <pre>{@code
 * @AutoService(Initializer.class)
 * public final class ScaledUniform implements Initializer {
 *     private final double scale;
 *     private final Spec spec;
 *
 *     public ScaledUniform() { this(Arguments.defaults("scaled_uniform")); }
 *     private ScaledUniform(Arguments arguments) {
 *         scale = arguments.number("scale", 1.0, value -> value > 0, "must be > 0");
 *         spec = arguments.resolvedSpec();
 *     }
 *     public String name() { return "scaled_uniform"; }
 *     public ScaledUniform configure(Arguments arguments) { return new ScaledUniform(arguments); }
 *     public Spec spec() { return spec; }
 *
 *     public double[] values(Shape shape, Fans fans, SplittableRandom random) {
 *         double limit = scale / Math.sqrt(fans.in());
 *         return random.doubles(shape.size(), -limit, limit).toArray();
 *     }
 * }
 * }</pre>
 * Prove it with the test kit: a test class {@code implements InitializerContract} checks the moments and, by a
 * Kolmogorov-Smirnov test, the distribution it claims ({@link #distribution}), determinism and the spec.
 */
public interface Initializer extends Plugin {

    /**
     * The values of a tensor of {@code shape}, in row-major order, drawn from {@code random} (which the caller made
     * for this one tensor). Configuration is immutable: the same arguments and generator state give the same numbers.
     *
     * @param shape  the tensor's shape
     * @param fans   its fan-in and fan-out
     * @param random the generator; advanced
     * @return a new array of {@code shape.size()} numbers
     */
    double[] values(Shape shape, Fans fans, SplittableRandom random);

    /**
     * The distribution that every value follows independently, when there is one (for the test kit's moments and
     * Kolmogorov-Smirnov test); empty for schemes whose values depend on one another (orthogonal, identity, sparse).
     */
    default java.util.Optional<Distribution> distribution(Shape shape, Fans fans) {
        return java.util.Optional.empty();
    }

    @Override
    default Initializer configure(Arguments arguments) {
        return this;
    }
}

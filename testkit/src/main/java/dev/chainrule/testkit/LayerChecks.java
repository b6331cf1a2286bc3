package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.activation.ForwardContext;
import dev.chainrule.core.gradcheck.GradientCheckResult;
import dev.chainrule.core.gradcheck.LayerGradientChecker;
import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Layer;
import dev.chainrule.core.network.LayerBinding;
import dev.chainrule.core.network.LayerMemory;
import dev.chainrule.core.network.Parameter;
import dev.chainrule.core.network.State;
import dev.chainrule.core.wiring.Plugins;
import dev.chainrule.core.tensor.BinaryOp;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** The checks of {@link LayerContract}. */
final class LayerChecks {

    private static final int ROWS = 6;
    private static final long PASS_SEED = 0x1A7E5L;

    private LayerChecks() {
    }

    /** The plugins visible where {@code layer} was loaded: its activations and initializers resolve there. */
    static Plugins plugins(Layer layer) {
        ClassLoader loader = layer.getClass().getClassLoader();
        return Plugins.discover(loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /**
     * {@code layer} bound as layer 1 for examples shaped {@code input}, its parameters shifted by uniform numbers in
     * [-0.5, 0.5) and its state by numbers in [0, 0.25) (which keeps variances positive), both drawn from
     * {@code seed}.
     */
    static Layer bound(Layer layer, FeatureShape input, TensorBackend backend, DType dtype, long seed) {
        Plugins plugins = plugins(layer);
        Layer bound = layer.bind(new LayerBinding(1, input, backend, dtype, plugins.activations()::create,
                Optional.of(plugins.initializers()::create), Optional.empty(), new SplittableRandom(seed)));
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (Parameter parameter : bound.parameters()) {
            shift(parameter.value(), random, -0.5, 0.5);
        }
        for (State state : bound.state()) {
            shift(state.value(), random, 0, 0.25);
        }
        return bound;
    }

    private static void shift(Tensor tensor, SplittableRandom random, double low, double high) {
        double[] values = tensor.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] += random.nextDouble(low, high);
        }
        tensor.backend().assign(values, tensor);
    }

    static Tensor input(FeatureShape input, TensorBackend backend, DType dtype, long seed) {
        return Points.uniform(backend, dtype, ROWS, input.size(), -2, 2, seed);
    }

    static Tensor output(Layer layer, FeatureShape input, Tensor x) {
        return x.newLike(new Shape(x.rows(), layer.outputShape(input).size()));
    }

    static Tensor forward(Layer layer, Tensor x, Tensor out, ForwardContext context, LayerMemory memory) {
        memory.beginPass(context);
        return layer.forward(x, out, context, memory);
    }

    static ForwardContext context(boolean training) {
        return training ? ForwardContext.training(PASS_SEED) : ForwardContext.inference();
    }

    static void gradients(Layer layer, FeatureShape input, TensorBackend backend, boolean training, double tolerance) {
        Layer bound = bound(layer, input, backend, DType.FLOAT64, 11);
        Tensor x = input(input, backend, DType.FLOAT64, 13);
        for (GradientCheckResult result : LayerGradientChecker.check(bound, input, x, 17, () -> context(training))) {
            assertTrue(result.passes(tolerance), () -> (training ? "training pass: " : "inference pass: ")
                    + result.describe() + " exceeds the tolerance " + tolerance);
            assertTrue(result.checked() > 0, () -> result.subject() + ": every point was a kink or jump, so nothing "
                    + "was checked");
        }
    }

    static void withoutInputGradient(Layer layer, FeatureShape input, TensorBackend backend) {
        Layer bound = bound(layer, input, backend, DType.FLOAT64, 11);
        Tensor x = input(input, backend, DType.FLOAT64, 13);
        Tensor out = output(bound, input, x);
        Tensor upstream = Points.uniform(backend, DType.FLOAT64, out.rows(), out.columns(), -1, 1, 19);
        List<double[]> with = parameterGradients(bound, x, out, upstream, Optional.of(x.newLike()));
        List<double[]> without = parameterGradients(bound, x, out, upstream, Optional.empty());
        for (int p = 0; p < with.size(); p++) {
            assertArrayEquals(with.get(p), without.get(p), layer.spec() + ": the gradient of "
                    + bound.parameters().get(p).name() + " changes when dE/d(input) is not asked for");
        }
    }

    private static List<double[]> parameterGradients(Layer bound, Tensor x, Tensor out, Tensor upstream,
            Optional<Tensor> gradInput) {
        LayerMemory memory = new LayerMemory(x.backend(), x.dtype(), x.rows());
        forward(bound, x, out, context(true), memory);
        List<Tensor> gradients = bound.parameters().stream().map(parameter -> parameter.value().newLike()).toList();
        bound.backward(x, out, upstream, gradInput, gradients, memory);
        return gradients.stream().map(Tensor::toDoubleArray).toList();
    }

    static void passes(Layer layer, FeatureShape input, TensorBackend backend) {
        Layer bound = bound(layer, input, backend, DType.FLOAT64, 11);
        Tensor x = input(input, backend, DType.FLOAT64, 13);
        List<double[]> parameters = values(bound.parameters().stream().map(Parameter::value).toList());
        List<double[]> state = values(bound.state().stream().map(State::value).toList());
        double[] first = run(bound, input, x, false);
        assertArrayEquals(first, run(bound, input, x, false), layer.spec() + ": an inference pass does not repeat");
        assertSameValues(state, bound.state().stream().map(State::value).toList(),
                layer.spec() + ": an inference pass changed the state");
        double[] training = run(bound, input, x, true);
        assertArrayEquals(training, run(bound, input, x, true), layer.spec() + ": a training pass does not repeat "
                + "under its seed");
        assertSameValues(parameters, bound.parameters().stream().map(Parameter::value).toList(),
                layer.spec() + ": a pass changed the parameters");
    }

    private static double[] run(Layer bound, FeatureShape input, Tensor x, boolean training) {
        Tensor out = output(bound, input, x);
        return forward(bound, x, out, context(training), new LayerMemory(x.backend(), x.dtype(), x.rows()))
                .toDoubleArray();
    }

    static void shapesAndInputs(Layer layer, FeatureShape input, TensorBackend backend) {
        for (DType dtype : DType.values()) {
            Layer bound = bound(layer, input, backend, dtype, 11);
            Tensor x = input(input, backend, dtype, 13);
            Tensor out = output(bound, input, x);
            LayerMemory memory = new LayerMemory(backend, dtype, x.rows());
            double[] before = x.toDoubleArray();
            assertSame(out, forward(bound, x, out, context(true), memory), layer.spec() + ": forward must return out");
            assertEquals(dtype, out.dtype(), layer.spec() + ": dtype of the output");
            Tensor upstream = Points.uniform(backend, dtype, out.rows(), out.columns(), -1, 1, 19);
            double[] upstreamBefore = upstream.toDoubleArray();
            double[] outBefore = out.toDoubleArray();
            Tensor gradInput = x.newLike();
            List<Tensor> gradients = bound.parameters().stream().map(p -> p.value().newLike()).toList();
            bound.backward(x, out, upstream, Optional.of(gradInput), gradients, memory);
            assertArrayEquals(before, x.toDoubleArray(), layer.spec() + ": the input was modified");
            assertArrayEquals(outBefore, out.toDoubleArray(), layer.spec() + ": backward modified the output");
            assertArrayEquals(upstreamBefore, upstream.toDoubleArray(), layer.spec() + ": backward modified dE/dout");
            assertEquals(x.shape(), gradInput.shape(), layer.spec() + ": shape of dE/d(input)");
            for (double value : gradInput.toDoubleArray()) {
                assertTrue(Double.isFinite(value), layer.spec() + ": dE/d(input) is not finite in " + dtype.label());
            }
        }
    }

    static void float32AgreesWithFloat64(Layer layer, FeatureShape input, TensorBackend backend) {
        for (boolean training : new boolean[] {true, false}) {
            double[] wide = once(layer, input, backend, DType.FLOAT64, training);
            double[] narrow = once(layer, input, backend, DType.FLOAT32, training);
            Approx.assertClose(wide, narrow, 1e-4, layer.spec() + (training ? " training" : " inference")
                    + " pass, float32 against float64");
        }
    }

    private static double[] once(Layer layer, FeatureShape input, TensorBackend backend, DType dtype,
            boolean training) {
        Layer bound = bound(layer, input, backend, dtype, 11);
        return run(bound, input, input(input, backend, dtype, 13), training);
    }

    static void modelFile(Layer layer, FeatureShape input, TensorBackend backend) {
        Plugins plugins = plugins(layer);
        var network = new dev.chainrule.core.network.NetworkBuilder(backend, plugins.layers(),
                plugins.activations(), plugins.initializers(), input).layer(layer)
                .dtype(DType.FLOAT64).seed(3).build();
        List<Tensor> tensors = new ArrayList<>(network.parameters().stream().map(Parameter::value).toList());
        tensors.addAll(network.state().stream().map(State::value).toList());
        for (int p = 0; p < tensors.size(); p++) {
            backend.binary(BinaryOp.ADD, tensors.get(p), 0.0625 * (p + 1), tensors.get(p));
        }
        String what = layer.spec() + " through a model file";
        dev.chainrule.core.network.Network loaded;
        try {
            loaded = dev.chainrule.core.io.ModelFile.decode(dev.chainrule.core.io.ModelFile.encode(network,
                    java.util.Map.of()), layer.name() + ".crm", backend, plugins.layers(), plugins.activations(), null)
                    .network();
        } catch (dev.chainrule.core.io.ModelFileException e) {
            throw new AssertionError(what + ": the file does not load back: " + e.getMessage(), e);
        }
        assertEquals(network.layers().get(0).spec(), loaded.layers().get(0).spec(), what + ": spec");
        List<Tensor> back = new ArrayList<>(loaded.parameters().stream().map(Parameter::value).toList());
        back.addAll(loaded.state().stream().map(State::value).toList());
        assertSameValues(values(tensors), back, what);
        Tensor x = input(input, backend, DType.FLOAT64, 23);
        assertArrayEquals(network.predict(x).toDoubleArray(), loaded.predict(x).toDoubleArray(),
                what + ": predictions");
    }

    static void threads(Layer layer, FeatureShape input, TensorBackend backend) {
        Layer bound = bound(layer, input, backend, DType.FLOAT64, 11);
        Tensor x = input(input, backend, DType.FLOAT64, 13);
        double[] alone = run(bound, input, x, false);
        SharedUse.agreesWithLoneUse(layer.spec() + " shared by threads", thread -> run(bound, input, x, false));
        assertArrayEquals(alone, run(bound, input, x, false));
    }

    private static List<double[]> values(List<Tensor> tensors) {
        return tensors.stream().map(Tensor::toDoubleArray).toList();
    }

    private static void assertSameValues(List<double[]> expected, List<Tensor> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": tensor count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i).toDoubleArray(), what + ": tensor " + i);
        }
    }
}

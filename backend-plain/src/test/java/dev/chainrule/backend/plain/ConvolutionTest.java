package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.PoolOp;
import dev.chainrule.core.tensor.Window2d;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast paths of the convolution and pooling loops against their general paths on the same inputs, in both
 * dtypes: the 2x2 stride-2 maximum (odd sizes, ties, NaN at every tap), the general pooling's own NaN rule, col2im's
 * unit-stride rows, the bias gradient's partial sums, the kernel gradient accumulated in the product and the forward
 * pass and input gradient with the kernel packed once a call, each against a naive loop, for strides, padding,
 * dilation and odd sizes.
 */
class ConvolutionTest {

    private static final int BATCH = 2;

    static Stream<Arguments> halvingWindows() {
        return Stream.of(Window2d.of(1, 2, 2, 2, 2, 2, 0, 1), Window2d.of(3, 6, 6, 2, 2, 2, 0, 1),
                Window2d.of(2, 7, 5, 2, 2, 2, 0, 1), Window2d.of(2, 5, 8, 2, 2, 2, 0, 1),
                Window2d.of(1, 3, 3, 2, 2, 2, 0, 1)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("halvingWindows")
    void theTwoByTwoMaximumAgreesWithTheGeneralPath(Window2d w) {
        assertTrue(Float64Pooling.halving(w), w + " takes the 2x2 path");
        for (long seed = 1; seed <= 4; seed++) {
            double[] x = poolInput(w, seed);
            compareFloat64(w, x, seed);
            compareFloat32(w, x, seed);
        }
    }

    static Stream<Arguments> otherPools() {
        return Stream.of(Window2d.of(2, 6, 6, 2, 2, 1, 0, 1), Window2d.of(2, 7, 7, 2, 2, 2, 1, 1),
                Window2d.of(2, 9, 9, 2, 2, 2, 0, 2), Window2d.of(2, 7, 7, 3, 3, 2, 0, 1),
                Window2d.of(2, 6, 6, 2, 3, 2, 0, 1)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherPools")
    void otherMaximaTakeTheGeneralPathAndItPropagatesNaN(Window2d w) {
        assertFalse(Float64Pooling.halving(w), w + " is not 2x2 with stride 2 and no padding or dilation");
        double[] x = poolInput(w, 9);
        double[] out = new double[BATCH * w.channels() * w.positions()];
        Float64Pooling.forward(PoolOp.MAX, w, x, out, BATCH);
        assertSameValues(naiveMaximum(w, x), out, "max pool " + w);
    }

    static Stream<Arguments> convolutions() {
        return Stream.of(Window2d.same(1, 5, 5, 3, 3, 1, 1), Window2d.same(3, 7, 6, 3, 3, 1, 1),
                Window2d.same(2, 7, 6, 3, 3, 2, 1), Window2d.of(2, 9, 8, 3, 3, 1, 2, 2),
                Window2d.of(2, 8, 7, 2, 3, 3, 1, 1), Window2d.of(3, 4, 4, 4, 4, 1, 0, 1),
                Window2d.of(2, 5, 4, 1, 1, 2, 1, 1), Window2d.same(8, 20, 19, 3, 3, 1, 1)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutions")
    void col2imIsTheNaiveAdjointOfIm2col(Window2d w) {
        double[] columns = uniform(w.patchSize() * w.positions(), 5);
        double[] expected = new double[1 + w.inputSize()];
        for (int c = 0, row = 0; c < w.channels(); c++) {
            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                for (int kw = 0; kw < w.kernelWidth(); kw++, row++) {
                    for (int oh = 0; oh < w.outHeight(); oh++) {
                        for (int ow = 0; ow < w.outWidth(); ow++) {
                            int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
                            int iw = ow * w.stride() - w.padLeft() + kw * w.dilation();
                            if (ih >= 0 && ih < w.height() && iw >= 0 && iw < w.width()) {
                                expected[1 + (c * w.height() + ih) * w.width() + iw] +=
                                        columns[(row * w.outHeight() + oh) * w.outWidth() + ow];
                            }
                        }
                    }
                }
            }
        }
        double[] out = filled(1 + w.inputSize());
        Float64Convolution.fromColumns(w, columns, out, 1);
        expected[0] = 99;
        assertClose(expected, out, 1e-12, "col2im " + w);
        float[] outFloat = floats(filled(1 + w.inputSize()));
        Float32Convolution.fromColumns(w, floats(columns), outFloat, 1);
        assertClose(expected, doubles(outFloat), 1e-5, "float32 col2im " + w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutions")
    void kernelAndBiasGradientsMatchTheNaiveLoop(Window2d w) {
        int filters = 5;
        // enough examples that the product threads share them, each accumulating a partial sum of its own
        int batch = (int) Math.min(64, MatrixMultiply.SHARED / ((long) filters * w.positions() * w.patchSize()) + 3);
        double[] x = uniform(batch * w.inputSize(), 6);
        double[] g = uniform(batch * filters * w.positions(), 7);
        double[] expected = new double[filters * w.patchSize() + filters];
        for (int o = 0; o < g.length; o++) {
            expected[filters * w.patchSize() + o / w.positions() % filters] += g[o];
        }
        naiveConnections(w, batch, filters, (f, tap, o, i) -> expected[f * w.patchSize() + tap] += g[o] * x[i]);
        double[] kernel = filled(filters * w.patchSize());
        double[] bias = filled(filters);
        MatrixMultiply.shared().float64Convolution().kernelGradient(w, x, g, kernel, bias, batch, filters);
        double[] both = Arrays.copyOf(kernel, kernel.length + filters);
        System.arraycopy(bias, 0, both, kernel.length, filters);
        assertClose(expected, both, 1e-10, "kernel and bias gradients of " + batch + " examples, " + w);
        float[] kernelFloat = new float[kernel.length];
        float[] biasFloat = new float[filters];
        MatrixMultiply.shared().float32Convolution().kernelGradient(w, floats(x), floats(g), kernelFloat, biasFloat,
                batch, filters);
        double[] bothFloat = Arrays.copyOf(doubles(kernelFloat), kernel.length + filters);
        System.arraycopy(doubles(biasFloat), 0, bothFloat, kernel.length, filters);
        assertClose(expected, bothFloat, 1e-3, "float32 kernel and bias gradients, " + w);
    }

    /**
     * Windows with a filter count whose products take every path of a kernel packed once a call: more rows than one
     * packed block of A holds, a depth of several slices in both dtypes, B read in place (few filters) or packed, and
     * enough work per example that the threads share the examples.
     */
    static Stream<Arguments> packedKernels() {
        return Stream.of(Arguments.of(Window2d.same(30, 6, 5, 3, 3, 1, 1), 300),
                Arguments.of(Window2d.same(30, 6, 5, 3, 3, 1, 1), 7),
                Arguments.of(Window2d.of(2, 9, 8, 3, 3, 2, 1, 2), 13),
                Arguments.of(Window2d.of(40, 5, 4, 1, 1, 1, 0, 1), 290));
    }

    @ParameterizedTest(name = "{0}, {1} filters")
    @MethodSource("packedKernels")
    void forwardAndInputGradientWithTheKernelPackedOnceMatchTheNaiveLoop(Window2d w, int filters) {
        int batch = 3;
        double[] x = uniform(batch * w.inputSize(), 11);
        double[] kernel = uniform(filters * w.patchSize(), 12);
        double[] bias = uniform(filters, 13);
        double[] g = uniform(batch * filters * w.positions(), 14);
        double[] expectedOut = new double[batch * filters * w.positions()];
        double[] expectedGradient = new double[batch * w.inputSize()];
        for (int o = 0; o < expectedOut.length; o++) {
            expectedOut[o] = bias[o / w.positions() % filters];
        }
        naiveConnections(w, batch, filters, (f, tap, o, i) -> {
            expectedOut[o] += kernel[f * w.patchSize() + tap] * x[i];
            expectedGradient[i] += kernel[f * w.patchSize() + tap] * g[o];
        });
        double[] out = filled(expectedOut.length);
        MatrixMultiply.shared().float64Convolution().forward(w, x, kernel, bias, out, batch, filters);
        assertClose(expectedOut, out, 1e-10, "forward, " + filters + " filters, " + w);
        double[] gradient = filled(expectedGradient.length);
        MatrixMultiply.shared().float64Convolution().inputGradient(w, g, kernel, gradient, batch, filters);
        assertClose(expectedGradient, gradient, 1e-10, "input gradient, " + filters + " filters, " + w);
        float[] outFloat = floats(filled(expectedOut.length));
        MatrixMultiply.shared().float32Convolution().forward(w, floats(x), floats(kernel), floats(bias), outFloat,
                batch, filters);
        assertClose(expectedOut, doubles(outFloat), 1e-3, "float32 forward, " + filters + " filters, " + w);
        float[] gradientFloat = floats(filled(expectedGradient.length));
        MatrixMultiply.shared().float32Convolution().inputGradient(w, floats(g), floats(kernel), gradientFloat, batch,
                filters);
        assertClose(expectedGradient, doubles(gradientFloat), 1e-3, "float32 input gradient, " + filters + " filters, "
                + w);
    }

    @ParameterizedTest(name = "{0} elements")
    @MethodSource("counts")
    void theBiasSumOfPartialSumsIsTheSum(int count) {
        double[] g = uniform(count + 2, count);
        double expected = 0;
        for (int i = 1; i <= count; i++) {
            expected += g[i];
        }
        assertEquals(expected, Float64Convolution.sum(g, 1, count), 1e-12, "sum of " + count);
        assertEquals(expected, Float32Convolution.sum(floats(g), 1, count), 1e-5, "float32 sum of " + count);
    }

    static Stream<Arguments> counts() {
        return Stream.of(0, 1, 3, 4, 5, 8, 11, 49, 196).map(Arguments::of);
    }

    /** A connection: output {@code o} reads input {@code i} through tap {@code tap} of filter {@code f}. */
    @FunctionalInterface
    private interface Connection {
        void visit(int f, int tap, int o, int i);
    }

    /**
     * Visits every connection of {@code batch} examples by the definition (outputs and inputs indexed in their batch
     * arrays), leaving out the taps that fall in the padding.
     */
    private static void naiveConnections(Window2d w, int batch, int filters, Connection connection) {
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                for (int oh = 0; oh < w.outHeight(); oh++) {
                    for (int ow = 0; ow < w.outWidth(); ow++) {
                        int o = (n * filters + f) * w.positions() + oh * w.outWidth() + ow;
                        for (int c = 0, tap = 0; c < w.channels(); c++) {
                            for (int kh = 0; kh < w.kernelHeight(); kh++) {
                                for (int kw = 0; kw < w.kernelWidth(); kw++, tap++) {
                                    int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
                                    int iw = ow * w.stride() - w.padLeft() + kw * w.dilation();
                                    if (ih >= 0 && ih < w.height() && iw >= 0 && iw < w.width()) {
                                        connection.visit(f, tap, o,
                                                n * w.inputSize() + (c * w.height() + ih) * w.width() + iw);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])),
                    what + ": element " + i);
        }
    }

    private static void compareFloat64(Window2d w, double[] x, long seed) {
        int outputs = BATCH * w.channels() * w.positions();
        double[] fast = filled(outputs);
        double[] general = filled(outputs);
        Float64Pooling.forward(PoolOp.MAX, w, x, fast, BATCH);
        Float64Pooling.generalForward(PoolOp.MAX, w, x, general, BATCH);
        assertSameValues(general, fast, "max pool " + w + ", seed " + seed);
        assertSameValues(naiveMaximum(w, x), fast, "max pool " + w + " against the naive loop, seed " + seed);
        double[] g = uniform(outputs, seed + 100);
        double[] fastGradient = filled(x.length);
        double[] generalGradient = filled(x.length);
        Float64Pooling.inputGradient(PoolOp.MAX, w, x, g, fastGradient, BATCH);
        Float64Pooling.generalInputGradient(PoolOp.MAX, w, x, g, generalGradient, BATCH);
        assertSameValues(generalGradient, fastGradient, "max pool gradient " + w + ", seed " + seed);
    }

    private static void compareFloat32(Window2d w, double[] x, long seed) {
        float[] xf = floats(x);
        int outputs = BATCH * w.channels() * w.positions();
        float[] fast = floats(filled(outputs));
        float[] general = floats(filled(outputs));
        Float32Pooling.forward(PoolOp.MAX, w, xf, fast, BATCH);
        Float32Pooling.generalForward(PoolOp.MAX, w, xf, general, BATCH);
        assertSameValues(doubles(general), doubles(fast), "float32 max pool " + w + ", seed " + seed);
        float[] g = floats(uniform(outputs, seed + 200));
        float[] fastGradient = floats(filled(x.length));
        float[] generalGradient = floats(filled(x.length));
        Float32Pooling.inputGradient(PoolOp.MAX, w, xf, g, fastGradient, BATCH);
        Float32Pooling.generalInputGradient(PoolOp.MAX, w, xf, g, generalGradient, BATCH);
        assertSameValues(doubles(generalGradient), doubles(fastGradient),
                "float32 max pool gradient " + w + ", seed " + seed);
    }

    /**
     * Values in [-1, 1] with ties (a quarter of them repeat a few values, zeros of both signs among them) and, from
     * the second seed on, NaNs at random taps, so that every tap of some window holds one.
     */
    static double[] poolInput(Window2d w, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[BATCH * w.inputSize()];
        double[] repeated = {0.0, -0.0, 0.5, -0.5};
        for (int i = 0; i < x.length; i++) {
            double draw = random.nextDouble();
            x[i] = draw < 0.25 ? repeated[random.nextInt(repeated.length)] : random.nextDouble(-1, 1);
            if (seed > 1 && draw > 0.85) {
                x[i] = Double.NaN;
            }
        }
        return x;
    }

    /** The maximum of every window by the definition: NaN when the window holds one, padding left out. */
    private static double[] naiveMaximum(Window2d w, double[] x) {
        double[] out = new double[BATCH * w.channels() * w.positions()];
        int o = 0;
        for (int p = 0; p < BATCH * w.channels(); p++) {
            for (int oh = 0; oh < w.outHeight(); oh++) {
                for (int ow = 0; ow < w.outWidth(); ow++) {
                    double largest = Double.NEGATIVE_INFINITY;
                    boolean seen = false;
                    for (int kh = 0; kh < w.kernelHeight(); kh++) {
                        for (int kw = 0; kw < w.kernelWidth(); kw++) {
                            int ih = oh * w.stride() - w.padTop() + kh * w.dilation();
                            int iw = ow * w.stride() - w.padLeft() + kw * w.dilation();
                            if (ih >= 0 && ih < w.height() && iw >= 0 && iw < w.width()) {
                                double value = x[(p * w.height() + ih) * w.width() + iw];
                                largest = !seen || value > largest || Double.isNaN(value) && !Double.isNaN(largest)
                                        ? value : largest;
                                seen = true;
                            }
                        }
                    }
                    out[o++] = seen ? largest : 0;
                }
            }
        }
        return out;
    }

    private static double[] uniform(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[size];
        Arrays.setAll(values, i -> random.nextDouble(-1, 1));
        return values;
    }

    private static double[] filled(int size) {
        double[] values = new double[size];
        Arrays.fill(values, 99);
        return values;
    }

    private static float[] floats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static double[] doubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Equal element by element, NaN equal to NaN; a zero's sign is not compared (0 + -0 is 0 in a sum). */
    private static void assertSameValues(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.0, what + ": element " + i);
        }
    }
}

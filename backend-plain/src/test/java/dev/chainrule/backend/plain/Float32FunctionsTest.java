package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both {@link Float32Functions}: the exponential is the rounded {@code Math.exp} (one ulp off at most, and almost
 * never), tanh within one ulp of the rounded {@code Math.tanh}, special values as {@code Math} gives them, every count
 * (whole chunks and vectors, and their remainders), in place or not, nothing written past the count. Both compute
 * {@link ExpReduction}'s recipe, and give the same bits.
 */
class Float32FunctionsTest {

    /** Every 4,099th float bit pattern, both signs: about a million floats across every binade. */
    private static final float[] SWEEP = sweep(4_099);
    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f,
        0x1p-7f, -0x1p-7f, 0x1.fffffep-8f, 1f, -1f, 0.5f, 88.72283f, 88.72284f, 89f, 100f, -87.33655f, -103.27893f,
        -103.97208f, -104f, -200f, 9f, -9f, 20f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN};

    static Stream<Float32Functions> implementations() {
        return Stream.of(new ScalarFloat32Functions(), VectorKernels.float32Functions());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void expIsTheRoundedExponentialExceptOneUlpRarely(Float32Functions functions) {
        assertWithinOneUlpOfTheSweep("exp", functions::exp, Math::exp, 100_000);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void tanhIsWithinOneUlpAndAlmostAlwaysExact(Float32Functions functions) {
        assertWithinOneUlpOfTheSweep("tanh", functions::tanh, Math::tanh, 1_000);
    }

    /** {@code function} against the rounded {@code reference}: within one ulp, inexact for under 1 in {@code rarity}. */
    private static void assertWithinOneUlpOfTheSweep(String name, ArrayFunction function, DoubleUnaryOperator reference,
            long rarity) {
        float[] actual = new float[SWEEP.length];
        function.apply(SWEEP, actual, 0, SWEEP.length);
        int inexact = 0;
        for (int i = 0; i < SWEEP.length; i++) {
            float expected = (float) reference.applyAsDouble(SWEEP[i]);
            assertWithinOneUlp(expected, actual[i], name + "(" + SWEEP[i] + ")");
            inexact += Float.compare(expected, actual[i]) == 0 ? 0 : 1;
        }
        assertTrue(inexact * rarity < SWEEP.length, inexact + " of " + SWEEP.length + " differ in " + name);
    }

    /** {@link Float32Functions#exp} or {@link Float32Functions#tanh}. */
    private interface ArrayFunction {
        void apply(float[] x, float[] out, int from, int to);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void specialValuesComeOutAsFromMath(Float32Functions functions) {
        float[] exp = new float[SPECIAL.length];
        float[] tanh = new float[SPECIAL.length];
        functions.exp(SPECIAL, exp, 0, SPECIAL.length);
        functions.tanh(SPECIAL, tanh, 0, SPECIAL.length);
        for (int i = 0; i < SPECIAL.length; i++) {
            float x = SPECIAL[i];
            assertWithinOneUlp((float) Math.exp(x), exp[i], "exp(" + x + ")");
            assertWithinOneUlp((float) Math.tanh(x), tanh[i], "tanh(" + x + ")");
            if (!Float.isFinite(x) || x == 0 || Math.abs(x) >= 20) {
                assertEquals(Float.floatToIntBits((float) Math.tanh(x)), Float.floatToIntBits(tanh[i]),
                        "tanh(" + x + "), sign of zero included");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void everyCountInPlaceOrNotLeavesTheRestAlone(Float32Functions functions) {
        int[] counts = {0, 1, 7, 8, 9, 15, 16, 17, 511, 512, 513, 1_024, 1_500};
        for (int count : counts) {
            float[] x = new float[count + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 29 - 14) / 3f;
            }
            float[] expected = new float[x.length];
            new ScalarFloat32Functions().exp(x, expected, 0, count);
            float[] out = new float[x.length];
            Arrays.fill(out, -7f);
            functions.exp(x, out, 0, count);
            for (int i = 0; i < x.length; i++) {
                assertEquals(i < count ? expected[i] : -7f, out[i],
                        "element " + i + " of " + count);
            }
            float[] tanh = new float[x.length];
            new ScalarFloat32Functions().tanh(x, tanh, 0, count);
            float[] inPlace = x.clone();
            functions.tanh(inPlace, inPlace, 0, count);
            for (int i = 0; i < x.length; i++) {
                float wanted = i < count ? tanh[i] : x[i];
                assertEquals(wanted, inPlace[i], "element " + i + " of " + count);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void aRangeIsComputedAndNothingOutsideIt(Float32Functions functions) {
        float[] x = new float[1_100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 37 - 18) / 5f;
        }
        for (int[] range : new int[][] {{3, 3}, {5, 6}, {7, 40}, {17, 1_090}, {0, 1_100}}) {
            float[] exp = new float[x.length];
            float[] tanh = new float[x.length];
            Arrays.fill(exp, -7f);
            Arrays.fill(tanh, -7f);
            functions.exp(x, exp, range[0], range[1]);
            functions.tanh(x, tanh, range[0], range[1]);
            for (int i = 0; i < x.length; i++) {
                boolean inside = i >= range[0] && i < range[1];
                assertEquals(inside ? (float) ExpReduction.exp(x[i]) : -7f, exp[i], "exp element " + i);
                assertEquals(inside ? (float) Math.tanh(x[i]) : -7f, tanh[i],
                        inside ? Math.ulp((float) Math.tanh(x[i])) : 0, "tanh element " + i);
            }
        }
    }

    @Test
    void vectorLanesComputeTheScalarRecipeBitForBit() {
        float[] actual = new float[SWEEP.length];
        VectorKernels.float32Functions().exp(SWEEP, actual, 0, SWEEP.length);
        for (int i = 0; i < SWEEP.length; i++) {
            assertEquals((float) ExpReduction.exp(SWEEP[i]), actual[i], "exp(" + SWEEP[i] + ")");
        }
    }

    /** The shared product moves from the scalar functions to the vector ones while it runs: no result may change. */
    @Test
    void scalarAndVectorGiveTheSameBits() {
        float[] x = Arrays.copyOf(SWEEP, SWEEP.length + SPECIAL.length);
        System.arraycopy(SPECIAL, 0, x, SWEEP.length, SPECIAL.length);
        Float32Functions scalar = new ScalarFloat32Functions();
        Float32Functions vector = VectorKernels.float32Functions();
        float[] expected = new float[x.length];
        float[] actual = new float[x.length];
        scalar.exp(x, expected, 0, x.length);
        vector.exp(x, actual, 0, x.length);
        assertSameBits("exp", x, expected, actual);
        scalar.tanh(x, expected, 0, x.length);
        vector.tanh(x, actual, 0, x.length);
        assertSameBits("tanh", x, expected, actual);
    }

    private static void assertSameBits(String name, float[] x, float[] expected, float[] actual) {
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], name + "(" + x[i] + "): scalar and vector differ");
            }
        }
    }

    @Test
    void theRecipeCoversEveryExponentOfAFloatWithoutLeavingDoubleNormals() {
        assertEquals(0f, (float) ExpReduction.exp(ExpReduction.LOWEST));
        assertEquals(0f, (float) Math.exp(ExpReduction.LOWEST));
        assertEquals(Float.POSITIVE_INFINITY, (float) ExpReduction.exp(ExpReduction.HIGHEST));
        assertEquals(Float.POSITIVE_INFINITY, (float) Math.exp(ExpReduction.HIGHEST));
        float largestFinite = Math.nextDown((float) Math.log(Float.MAX_VALUE));
        float smallestNonZero = Math.nextUp((float) Math.log(Float.MIN_VALUE / 2.0));
        for (float x : new float[] {largestFinite, Math.nextUp(largestFinite), Math.nextUp(Math.nextUp(largestFinite)),
            smallestNonZero, Math.nextDown(smallestNonZero), Math.nextUp(smallestNonZero), -87.33655f, -87.33654f}) {
            assertEquals((float) Math.exp(x), (float) ExpReduction.exp(x), "exp(" + x + ")");
        }
        assertEquals(1.0, ExpReduction.exp(0));
        assertTrue(Double.isNaN(ExpReduction.exp(Double.NaN)));
    }

    private static void assertWithinOneUlp(float expected, float actual, String what) {
        if (Float.isNaN(expected)) {
            assertTrue(Float.isNaN(actual), what + " is " + actual);
        } else {
            assertEquals(expected, actual, Math.ulp(expected), what);
        }
    }

    private static float[] sweep(int stride) {
        int positives = Float.floatToRawIntBits(Float.POSITIVE_INFINITY) / stride + 1;
        float[] values = new float[2 * positives];
        for (int i = 0; i < positives; i++) {
            float value = Float.intBitsToFloat(i * stride);
            values[2 * i] = value;
            values[2 * i + 1] = -value;
        }
        return values;
    }
}

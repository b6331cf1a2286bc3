package dev.chainrule.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetTest {

    /** Three rows of two pixels: 0 and 255, 10 and 20, 128 and 1; labels one-hot of two classes. */
    private static Dataset pixels() {
        byte[] values = {0, (byte) 255, 10, 20, (byte) 128, 1};
        double[] targets = {1, 0, 0, 1, 1, 0};
        return Dataset.ofUnsignedBytes(values, 2, 0.5, targets, 2);
    }

    @Test
    void bytesAreReadUnsignedAndScaled() {
        Dataset data = pixels();
        assertEquals(3, data.size());
        assertFalse(data.hasFeatureDoubles());
        assertArrayEquals(new double[] {5, 10}, data.featureRow(1));
        double[] rows = new double[4];
        data.copyFeatureRows(1, rows);
        assertArrayEquals(new double[] {5, 10, 64, 0.5}, rows);
        assertArrayEquals(new double[] {0, 127.5, 5, 10, 64, 0.5}, data.features());
        assertTrue(data.hasFeatureDoubles());
        assertSame(data.features(), data.features());
    }

    @Test
    void listedRowsAreGatheredFromBytesAndFromDoubles() {
        int[] order = {2, 0, 1, 2};
        double[] fromBytes = new double[4];
        pixels().gatherFeatureRows(order, 1, fromBytes);
        assertArrayEquals(new double[] {0, 127.5, 5, 10}, fromBytes);
        Dataset doubles = new Dataset(new double[] {1, 2, 3, 4, 5, 6}, 2, new double[] {0, 0, 0}, 1);
        double[] fromDoubles = new double[6];
        doubles.gatherFeatureRows(order, 1, fromDoubles);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, fromDoubles);
        double[] oneRow = new double[2];
        doubles.gatherFeatureRows(order, 3, oneRow);
        assertArrayEquals(new double[] {5, 6}, oneRow);
        assertThrows(IllegalArgumentException.class, () -> doubles.gatherFeatureRows(order, 3, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> doubles.gatherFeatureRows(order, 0, new double[3]));
    }

    @Test
    void standardisedBytesStayBytesAndEqualStandardisedDoublesBitForBit() {
        byte[] values = new byte[256];
        for (int level = 0; level < values.length; level++) {
            values[level] = (byte) level;
        }
        Dataset bytes = Dataset.ofUnsignedBytes(values, 2, 1, new double[128], 1);
        Dataset doubles = new Dataset(bytes.features().clone(), 2, new double[128], 1);
        double[] offset = {3, 3};
        double[] scale = {255, 255};
        Dataset fromBytes = bytes.standardised(offset, scale);
        assertFalse(fromBytes.hasFeatureDoubles());
        double[] expected = doubles.standardised(offset, scale).features();
        for (int i = 0; i < expected.length; i++) {
            assertEquals((i - 3) / 255.0, expected[i]);
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(fromBytes.features()[i]),
                    "byte " + i);
        }
        assertSame(bytes.targets(), fromBytes.targets());
    }

    @Test
    void bytesStandardisedPerColumnStayBytes() {
        Dataset standardised = pixels().standardised(new double[] {0, 10}, new double[] {1, 2});
        assertFalse(standardised.hasFeatureDoubles());
        double[] gathered = new double[4];
        standardised.gatherFeatureRows(new int[] {2, 0}, 0, gathered);
        assertArrayEquals(new double[] {64, -4.75, 0, 58.75}, gathered);
        assertArrayEquals(new double[] {5, 0}, standardised.featureRow(1));
        Dataset picked = standardised.rows(new int[] {2});
        assertFalse(picked.hasFeatureDoubles());
        assertArrayEquals(new double[] {64, -4.75}, picked.featureRow(0));
        assertArrayEquals(new double[] {64, -19.5}, picked.standardised(new double[] {0, 5}, new double[] {1, 0.5})
                .features());
        assertArrayEquals(new double[] {0, 58.75, 5, 0, 64, -4.75}, standardised.features());
        assertArrayEquals(pixels().targets(), standardised.targets());
        assertThrows(IllegalArgumentException.class, () -> pixels().standardised(new double[] {0}, new double[] {1}));
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class,
                () -> pixels().standardised(new double[] {0, 0}, new double[] {0, 0}));
        assertTrue(notFinite.getMessage().contains("finite"), notFinite.getMessage());
        IllegalArgumentException columnNotFinite = assertThrows(IllegalArgumentException.class,
                () -> pixels().standardised(new double[] {0, 1}, new double[] {1, 0}));
        assertTrue(columnNotFinite.getMessage().contains("finite"), columnNotFinite.getMessage());
    }

    @Test
    void otherTargetsShareTheFeatures() {
        Dataset relabelled = pixels().withTargets(new double[] {2, 1, 0}, 1);
        assertEquals(1, relabelled.targetCount());
        assertArrayEquals(new double[] {2, 1, 0}, relabelled.targets());
        assertArrayEquals(pixels().features(), relabelled.features());
        assertThrows(IllegalArgumentException.class, () -> pixels().withTargets(new double[] {0, 1}, 1));
    }

    @Test
    void rowsOfACompactSetStayCompact() {
        Dataset picked = pixels().rows(new int[] {2, 0});
        assertFalse(picked.hasFeatureDoubles());
        assertArrayEquals(new double[] {64, 0.5, 0, 127.5}, picked.features());
        assertArrayEquals(new double[] {1, 0, 1, 0}, picked.targets());
    }

    @Test
    void copyingRowsOutsideTheSetIsRefused() {
        Dataset data = pixels();
        assertThrows(IllegalArgumentException.class, () -> data.copyFeatureRows(2, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> data.copyFeatureRows(0, new double[3]));
    }

    @Test
    void doublesCopyTheirRows() {
        Dataset data = new Dataset(new double[] {1, 2, 3, 4}, 2, new double[] {0, 1}, 1);
        assertTrue(data.hasFeatureDoubles());
        double[] row = new double[2];
        data.copyFeatureRows(1, row);
        assertArrayEquals(new double[] {3, 4}, row);
    }

    @Test
    void aScaleMustBeFiniteAndNotNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofUnsignedBytes(new byte[2], 2, -1, new double[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofUnsignedBytes(new byte[2], 2, Double.NaN, new double[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofUnsignedBytes(new byte[3], 2, 1, new double[] {0}, 1));
    }

    static Stream<Arguments> refusedSets() {
        return Stream.of(
                refused("a data set needs at least one feature and one target column, got 0 and 1",
                        () -> new Dataset(new double[2], 0, new double[2], 1)),
                refused("a data set needs at least one feature and one target column, got 1 and 0",
                        () -> new Dataset(new double[2], 1, new double[2], 0)),
                refused("a data set needs at least one feature and one target column, got 0 and 1",
                        () -> Dataset.ofUnsignedBytes(new byte[2], 0, 1, new double[2], 1)),
                refused("a data set needs at least one feature and one target column, got 2 and 0",
                        () -> pixels().withTargets(new double[3], 0)),
                refused("a data set needs at least one row", () -> new Dataset(new double[0], 1, new double[0], 1)),
                refused("feature row 1, column 1 is NaN; every value must be a finite number",
                        () -> new Dataset(new double[] {1, 2, 3, Double.NaN}, 2, new double[2], 1)),
                refused("target row 2, column 0 is Infinity; every value must be a finite number",
                        () -> new Dataset(new double[3], 1, new double[] {0, 1, 0, 0, Double.POSITIVE_INFINITY, 0}, 2)),
                refused("target row 0, column 1 is NaN; every value must be a finite number",
                        () -> Dataset.ofUnsignedBytes(new byte[2], 1, 1, new double[] {0, Double.NaN, 0, 0}, 2)),
                refused("the scale of byte features must be finite and >= 0, got Infinity",
                        () -> Dataset.ofUnsignedBytes(new byte[2], 2, Double.POSITIVE_INFINITY, new double[] {0}, 1)),
                refused("2 feature rows but 1 target rows",
                        () -> Dataset.of(new double[][] {{1}, {2}}, new double[][] {{0}})),
                refused("a data set needs at least one row", () -> Dataset.of(new double[0][], new double[0][])),
                refused("feature row 1 has 1 values but row 0 has 2",
                        () -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[][] {{0}, {1}})),
                refused("standardising needs one offset and one scale per feature column (2), got 2 and 1",
                        () -> pixels().standardised(new double[] {0, 0}, new double[] {1})),
                refused("feature row 0, column 0 is NaN; every value must be a finite number",
                        () -> new Dataset(new double[] {0, 1}, 2, new double[1], 1)
                                .standardised(new double[] {0, 0}, new double[] {0, 1})),
                refused("the byte value 0 becomes NaN when standardised; every value must be a finite number",
                        () -> pixels().standardised(new double[] {0, 0}, new double[] {0, 0})));
    }

    private static Arguments refused(String message, Supplier<Dataset> creation) {
        return Arguments.of(message, creation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSets")
    void badDataIsRefusedNamingWhatIsWrong(String message, Supplier<Dataset> creation) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, creation::get).getMessage());
    }

    @Test
    void theSmallestSetsAreSets() {
        Dataset single = Dataset.ofUnsignedBytes(new byte[] {7}, 1, 0, new double[] {3}, 1);
        assertEquals(1, single.size());
        assertArrayEquals(new double[] {0}, single.features());
        Dataset fromRows = Dataset.of(new double[][] {{1, 2}}, new double[][] {{3}});
        assertArrayEquals(new double[] {1, 2}, fromRows.features());
        assertArrayEquals(new double[] {3}, fromRows.targetRow(0));
        assertEquals(1, pixels().withTargets(new double[3], 1).targetCount());
    }

    @Test
    void labelsBecomeOneHotRowsAndALabelOutOfRangeNamesItsRow() {
        assertArrayEquals(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}, Dataset.oneHot(new int[] {0, 2, 1}, 3));
        assertEquals("row 1: class label 3 is outside 0..2", assertThrows(IllegalArgumentException.class,
                () -> Dataset.oneHot(new int[] {0, 3}, 3)).getMessage());
        assertEquals("row 0: class label -1 is outside 0..2", assertThrows(IllegalArgumentException.class,
                () -> Dataset.oneHot(new int[] {-1}, 3)).getMessage());
    }

    @ParameterizedTest(name = "{0} of 4 rows")
    @CsvSource({"0.25, 1", "0.5, 2", "0.75, 3"})
    void aSplitHoldsTheFractionAndTheRestOfTheRowsOnce(double fraction, int first) {
        Dataset data = new Dataset(new double[] {1, 2, 3, 4}, 1, new double[] {10, 20, 30, 40}, 1);
        Dataset.Split split = data.split(fraction, 5);
        assertEquals(first, split.first().size());
        assertEquals(4 - first, split.second().size());
        double[] all = new double[4];
        System.arraycopy(split.first().features(), 0, all, 0, first);
        System.arraycopy(split.second().features(), 0, all, first, 4 - first);
        java.util.Arrays.sort(all);
        assertArrayEquals(new double[] {1, 2, 3, 4}, all);
        for (int row = 0; row < first; row++) {
            assertEquals(10 * split.first().featureRow(row)[0], split.first().targetRow(row)[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0    | the split fraction must lie strictly between 0 and 1, got 0.0",
        "1    | the split fraction must lie strictly between 0 and 1, got 1.0",
        "NaN  | the split fraction must lie strictly between 0 and 1, got NaN",
        "0.1  | splitting 4 rows at 0.1 leaves a part empty",
        "0.9  | splitting 4 rows at 0.9 leaves a part empty",
    })
    void aSplitLeavingAPartEmptyIsRefused(double fraction, String message) {
        Dataset data = new Dataset(new double[] {1, 2, 3, 4}, 1, new double[4], 1);
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> data.split(fraction, 5)).getMessage());
    }

    @Test
    void rowsOfDoublesArePickedInTheirOrder() {
        Dataset data = new Dataset(new double[] {1, 2, 3, 4, 5, 6}, 2, new double[] {7, 8, 9}, 1);
        Dataset picked = data.rows(new int[] {2, 0, 2});
        assertArrayEquals(new double[] {5, 6, 1, 2, 5, 6}, picked.features());
        assertArrayEquals(new double[] {9, 7, 9}, picked.targets());
    }

    /** Bytes standardised with one offset or one scale for every column, but not both, are mapped column by column. */
    @ParameterizedTest(name = "offsets {0} {1}, scales {2} {3}")
    @CsvSource({"0, 10, 1, 1", "1, 1, 1, 2", "0, 10, 2, 2", "2, 2, 4, 1"})
    void bytesWithOneUniformAndOneVaryingParameterAreStandardisedPerColumn(double offset0, double offset1,
            double scale0, double scale1) {
        double[] offset = {offset0, offset1};
        double[] scale = {scale0, scale1};
        double[] expected = new Dataset(pixels().features().clone(), 2, pixels().targets(), 2)
                .standardised(offset, scale).features();
        Dataset fromBytes = pixels().standardised(offset, scale);
        assertArrayEquals(expected, fromBytes.features());
        double[] gathered = new double[2];
        fromBytes.gatherFeatureRows(new int[] {1}, 0, gathered);
        assertArrayEquals(new double[] {expected[2], expected[3]}, gathered);
    }

    @Test
    void singleFeaturesAreReadFromEveryRepresentation() {
        Features bytes = new Features.UnsignedBytes(new byte[] {(byte) 200, 4}, Features.UnsignedBytes.scaled(0.5));
        assertEquals(100, bytes.at(0));
        assertEquals(2, bytes.at(1));
        Features standardised = bytes.standardised(new double[] {0, 2}, new double[] {4, 1});
        assertEquals(25, standardised.at(0));
        assertEquals(0, standardised.at(1));
        assertEquals(-1.5, new Features.Doubles(new double[] {3, -1.5}).at(1));
    }
}

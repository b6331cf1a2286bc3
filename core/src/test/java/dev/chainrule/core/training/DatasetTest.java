package dev.chainrule.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}

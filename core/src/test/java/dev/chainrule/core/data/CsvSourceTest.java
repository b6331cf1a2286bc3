package dev.chainrule.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A numeric CSV source reads its feature columns as runs ({@link CsvRow#numbers}), whichever columns are targets, and
 * a run of cells reads as each cell alone does.
 */
class CsvSourceTest {

    private static final String FILE = "a,b,c,d,e\n1,2.5,3,-4,5e0\n6,07,8,+9,10\n";

    @TempDir
    Path folder;

    static Stream<Arguments> targetColumns() {
        return Stream.of(
                Arguments.of(new int[] {4}, new double[] {1, 2.5, 3, -4, 6, 7, 8, 9}, new double[] {5, 10}),
                Arguments.of(new int[] {0}, new double[] {2.5, 3, -4, 5, 7, 8, 9, 10}, new double[] {1, 6}),
                Arguments.of(new int[] {3, 1}, new double[] {1, 3, 5, 6, 8, 10}, new double[] {-4, 2.5, 9, 7}),
                Arguments.of(new int[] {2, 2}, new double[] {1, 2.5, -4, 5, 6, 7, 9, 10}, new double[] {3, 3, 8, 8}));
    }

    @ParameterizedTest
    @MethodSource("targetColumns")
    void featuresAreTheOtherColumnsInFileOrder(int[] targets, double[] features, double[] values) throws IOException {
        Path csv = folder.resolve("rows.csv");
        Files.writeString(csv, FILE);
        CsvSource source = CsvSource.numeric(csv, targets);
        assertEquals(features.length / 2, source.featureCount());
        try (BatchStream stream = source.open(new BatchSource.Pass(1, 2, Optional.empty()))) {
            Batch batch = stream.next();
            assertArrayEquals(features, BatchContents.features(batch));
            assertArrayEquals(values, BatchContents.targets(batch));
        }
    }

    @Test
    void aRunOfCellsReadsAsEachCellAloneAndNamesABadOne() throws IOException {
        Path csv = folder.resolve("run.csv");
        Files.writeString(csv, "1,2.5,-3,004,1e2,x,7\n");
        try (CsvLines lines = new CsvLines(csv, false)) {
            lines.next();
            CsvRow row = lines.row();
            double[] into = new double[8];
            row.numbers(0, 5, into, 2);
            assertArrayEquals(new double[] {0, 0, 1, 2.5, -3, 4, 100, 0}, into);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> row.numbers(3, 4, into, 0));
            assertEquals("run.csv, line 1, column 6: 'x' is not a finite number", error.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> row.numbers(5, 3, into, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> row.numbers(0, 7, into, 2));
        }
    }
}

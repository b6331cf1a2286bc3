package dev.chainrule.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    @TempDir
    Path folder;

    @Test
    void theLastColumnIsTheLabelAndAFirstLineWithoutNumbersIsAHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("a.csv"), "x,y,class\n1,2,b\n3,4,a\n\n5,6,b\n");
        LabeledData data = CsvData.load(file, Optional.empty(), Optional.empty());
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(List.of("a", "b"), data.classes());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, data.raw().features());
        assertArrayEquals(new double[] {1, 0, 1}, data.raw().targets());
    }

    @Test
    void theLabelColumnCanBeNamedOrNumbered() throws IOException {
        Path file = Files.writeString(folder.resolve("b.csv"), "label,x,y\n0,1,2\n1,3,4\n");
        LabeledData byName = CsvData.load(file, Optional.of("label"), Optional.empty());
        LabeledData byNumber = CsvData.load(file, Optional.of("1"), Optional.empty());
        assertArrayEquals(new double[] {1, 2, 3, 4}, byName.raw().features());
        assertArrayEquals(byName.raw().targets(), byNumber.raw().targets());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvData.load(file, Optional.of("z"), Optional.empty()));
        assertTrue(error.getMessage().contains("no column 'z'") && error.getMessage().contains("label, x, y"),
                error.getMessage());
    }

    @Test
    void fractionalLabelsMeanRegressionAndNumericClassesSortByValue() throws IOException {
        Path regression = Files.writeString(folder.resolve("r.csv"), "1,0.5\n2,1.5\n3,2.25\n");
        assertEquals(Task.REGRESSION, CsvData.load(regression, Optional.empty(), Optional.empty()).task());
        Path classes = Files.writeString(folder.resolve("c.csv"), "1,10\n2,9\n3,10.0\n");
        LabeledData data = CsvData.load(classes, Optional.empty(), Optional.empty());
        assertEquals(List.of("9", "10"), data.classes());
        assertEquals(Task.REGRESSION, CsvData.load(classes, Optional.empty(), Optional.of(Task.REGRESSION)).task());
    }

    @Test
    void aNonNumericFeatureNamesItsLineAndColumn() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), "1,2,0\n3,four,1\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvData.load(file, Optional.empty(), Optional.empty()));
        assertEquals("bad.csv, line 2, column 2: 'four' is not a finite number", error.getMessage());
    }

    @Test
    void aRowOfTheWrongWidthIsNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("ragged.csv"), "a,b,c\n1,2,0\n3,1\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvData.load(file, Optional.empty(), Optional.empty()));
        assertEquals("ragged.csv, line 3: 2 columns where the header has 3", error.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsNameAndQuotedCellsAreRead() throws IOException {
        Path file = Files.writeString(folder.resolve("bom.csv"), "\uFEFFx,\"y\",z\n\"1\",2,5\n3,4,6\n");
        LabeledData data = CsvData.load(file, Optional.of("x"), Optional.empty());
        assertEquals(List.of("1", "3"), data.classes());
        assertArrayEquals(new double[] {2, 5, 4, 6}, data.raw().features());
        Path quoted = Files.writeString(folder.resolve("quoted.csv"), "x,label\n1,\"a, b\"\n2,\"say \"\"c\"\"\"\n");
        assertEquals(List.of("a, b", "say \"c\""), CsvData.load(quoted, Optional.empty(), Optional.empty()).classes());
    }

    @Test
    void anUnclosedQuoteNamesItsLine() throws IOException {
        Path file = Files.writeString(folder.resolve("quote.csv"), "x,label\n1,a\n2,\"b\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvData.load(file, Optional.empty(), Optional.empty()));
        assertTrue(error.getMessage().startsWith("quote.csv, line "), error.getMessage());
    }
}

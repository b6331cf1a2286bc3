package dev.chainrule.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two readers of {@link CsvLines} give the same cells and line numbers: plain lines split from the bytes, and
 * the rest of the file from the first quote on read by Jackson.
 */
class CsvLinesTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void plainLinesGiveTheirCellsAndLineNumbersWithEitherLineEnd(String end) throws IOException {
        Path csv = write(String.join(end, "a,b,c", "1,2,3", "", "  ", "4, 5 ,6", "7,8,9") + end);
        assertEquals(List.of("1:a|b|c", "2:1|2|3", "5:4| 5 |6", "6:7|8|9"), read(csv, false));
        assertEquals(List.of("2:1|2|3", "5:4| 5 |6", "6:7|8|9"), read(csv, true));
    }

    @Test
    void fromTheFirstQuoteOnJacksonReadsTheRestWithTheRightLineNumbers() throws IOException {
        Path csv = write("x,y\n1,2\n\"3\",\"a, \"\"quoted\"\"\nline\"\n5,6\n\n7,8");
        assertEquals(List.of("1:x|y", "2:1|2", "3:3|a, \"quoted\"\nline", "5:5|6", "7:7|8"), read(csv, false));
    }

    @Test
    void aLoneCarriageReturnIsALineBreakAsJacksonReadsIt() throws IOException {
        Path csv = write("1,2\n3,4\r5,6\n");
        assertEquals(List.of("1:1|2", "2:3|4", "3:5|6"), read(csv, false));
    }

    @Test
    void aByteOrderMarkIsDroppedAndNonAsciiTextKept() throws IOException {
        Path csv = folder.resolve("bom.csv");
        Files.write(csv, ("\uFEFFgr\u00f6\u00dfe,\u4e2d\n1,2").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("1:gr\u00f6\u00dfe|\u4e2d", "2:1|2"), read(csv, false));
    }

    @Test
    void linesLongerThanTheReadChunkAndALastLineWithoutLineFeedAreWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 3; line++) {
            for (int c = 0; c < 30_000; c++) {
                text.append(c == 0 ? "" : ",").append(line * 100_000 + c);
            }
            text.append('\n');
        }
        text.setLength(text.length() - 1);
        Path csv = write(text.toString());
        try (CsvLines lines = new CsvLines(csv, false)) {
            for (int line = 0; line < 3; line++) {
                assertTrue(lines.next());
                assertEquals(30_000, lines.row().size());
                assertEquals(line * 100_000, lines.row().number(0));
                assertEquals(line * 100_000 + 29_999, lines.row().number(29_999));
                assertEquals(line + 1, lines.row().line());
            }
            assertTrue(!lines.next());
        }
    }

    @Test
    void aRaggedLineIsAnErrorNamingItsLineInEitherReader() throws IOException {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> read(write("1,2\n3,4\n5\n"), false));
        assertEquals("lines.csv, line 3: 1 columns where the first line has 2", plain.getMessage());
        IllegalArgumentException quoted = assertThrows(IllegalArgumentException.class,
                () -> read(write("1,2\n\"3\",4\n5\n"), false));
        assertEquals("lines.csv, line 3: 1 columns where the first line has 2", quoted.getMessage());
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheFileAndLine() throws IOException {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read(write("1,2\n3,4\n5,\"6\n"), false));
        assertTrue(error.getMessage().startsWith("lines.csv, line 3"), error.getMessage());
    }

    @Test
    void aBadNumberIsAnErrorNamingLineAndColumn() throws IOException {
        try (CsvLines lines = new CsvLines(write("1,2\n3,x4\n"), false)) {
            lines.next();
            lines.next();
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> lines.row().number(1));
            assertEquals("lines.csv, line 2, column 2: 'x4' is not a finite number", error.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> lines.row().number(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", ""})
    void everyKindOfNumberReadsAsDoubleParseDoubleReadsIt(String lastEnd) throws IOException {
        List<String> lines = List.of("0,00,007,255,12345678,123456789,99999999999999999999",
                "-0,+0,-12,+12,1.5,-.5,5.",
                "1e3,1E-3,-2.5e+2,0.30000000000000004,4.9e-324,1.7976931348623157e308,9007199254740993",
                " 1, 2 ,\t3,4\t, +5 ,-6 ,007.50");
        for (String end : new String[] {"\n", "\r\n"}) {
            Path csv = write(String.join(end, lines) + lastEnd);
            try (CsvLines reader = new CsvLines(csv, false)) {
                for (String line : lines) {
                    assertTrue(reader.next(), line);
                    String[] cells = line.split(",", -1);
                    for (int c = 0; c < cells.length; c++) {
                        assertSameNumber(cells[c], reader.row().number(c));
                    }
                }
                assertTrue(!reader.next());
            }
        }
    }

    @Test
    void manyLinesAcrossTheReadBufferAndAQuoteMidFileReadLikeTheirText() throws IOException {
        SplittableRandom random = new SplittableRandom(13);
        List<String[]> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int width = 40;
        for (int line = 0; line < 4000; line++) {
            String[] cells = new String[width];
            for (int c = 0; c < width; c++) {
                int kind = random.nextInt(10);
                cells[c] = kind < 6 ? Integer.toString(random.nextInt(kind < 3 ? 256 : 1 << 30))
                        : kind < 8 ? Double.toString(random.nextGaussian()) : "-" + random.nextInt(1000);
            }
            boolean quoted = line == 3000;
            text.append(quoted ? "\"" + cells[0] + "\"" : cells[0]);
            for (int c = 1; c < width; c++) {
                text.append(',').append(cells[c]);
            }
            text.append(line % 7 == 0 ? "\r\n" : "\n");
            expected.add(cells);
        }
        Path csv = write(text.toString());
        assertTrue(Files.size(csv) > 5 * (1 << 16), "the file spans several reads");
        try (CsvLines reader = new CsvLines(csv, false)) {
            for (int line = 0; line < expected.size(); line++) {
                assertTrue(reader.next());
                assertEquals(line + 1, reader.row().line());
                String[] cells = expected.get(line);
                for (int c = 0; c < width; c++) {
                    assertSameNumber(cells[c], reader.row().number(c));
                    assertEquals(cells[c], reader.row().cell(c));
                }
            }
            assertTrue(!reader.next());
        }
    }

    @Test
    void anEmptyFieldIsAnErrorNamingItsLineAndColumnInEitherReader() throws IOException {
        for (String text : new String[] {"1,2,3\n4,,6\n", "\"1\",2,3\n4,,6\n"}) {
            try (CsvLines lines = new CsvLines(write(text), false)) {
                lines.next();
                lines.next();
                IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                        () -> lines.row().number(1));
                assertEquals("lines.csv, line 2, column 2: '' is not a finite number", error.getMessage());
                assertEquals(6, lines.row().number(2));
            }
        }
    }

    private static void assertSameNumber(String cell, double actual) {
        double expected = Double.parseDouble(cell.trim());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "'" + cell + "'");
    }

    private Path write(String text) throws IOException {
        Path csv = folder.resolve("lines.csv");
        Files.writeString(csv, text);
        return csv;
    }

    private static List<String> read(Path csv, boolean header) throws IOException {
        List<String> lines = new ArrayList<>();
        try (CsvLines reader = new CsvLines(csv, header)) {
            while (reader.next()) {
                lines.add(reader.row().line() + ":" + String.join("|", reader.row().cells()));
            }
        }
        return lines;
    }
}

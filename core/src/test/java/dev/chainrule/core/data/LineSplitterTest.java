package dev.chainrule.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The splitter gives the cells that splitting the text at its commas gives, wherever the line lies relative to its
 * 64-byte blocks, and reads as numbers exactly the cells of one to eight digits, bit for bit as
 * {@code Double.parseDouble}; every other cell is left to {@link CsvRow#number}, which agrees with
 * {@code Double.parseDouble} too.
 */
class LineSplitterTest {

    private static final String[] CELLS = {"0", "7", "42", "255", "0007", "1234", "12345", "99999999", "00000000",
        "100000000", "123456789012", "", " 5", "5 ", "-3", "+3", "-0", "1.5", ".5", "5.", "1e3", "2E-2", "x", "1-2",
        "NaN", "gr\u00f6\u00df", "\u4e2d", "12a", "a12", "\t9", "3\u00a0"};

    @Test
    void randomLinesAtEveryOffsetSplitAndReadAsTheTextSays() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int trial = 0; trial < 3000; trial++) {
            List<String> cells = new ArrayList<>();
            int count = 1 + random.nextInt(trial % 3 == 0 ? 4 : 90);
            for (int c = 0; c < count; c++) {
                cells.add(random.nextInt(4) == 0 ? CELLS[random.nextInt(CELLS.length)]
                        : Integer.toString(random.nextInt(trial % 2 == 0 ? 256 : 100_000_000)));
            }
            String ending = random.nextBoolean() ? "\n" : "\r\n";
            int offset = random.nextInt(130);
            assertSplits(cells, ending, offset, "trial " + trial);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 55, 56, 57, 62, 63, 64, 65, 127, 128})
    void aCellAcrossABlockBoundaryIsReadOnlyWhenAllItsBytesAreDigits(int offset) {
        for (int lead = 0; lead < 80; lead++) {
            String filler = "1,".repeat(lead / 2) + (lead % 2 == 0 ? "" : "2") + (lead % 2 == 0 ? "" : ",");
            for (String cell : new String[] {"-1234567", "1234567", "12345678", "123456789", "1.25", "7e1", "12 "}) {
                List<String> cells = new ArrayList<>(List.of((filler + cell + ",3").split(",", -1)));
                assertSplits(cells, "\n", offset, "lead " + lead + ", cell " + cell);
            }
        }
    }

    @Test
    void theLastLineWithoutLineFeedEndsAtTheLimitOnlyAtTheEndOfTheFile() {
        byte[] bytes = padded("1,22,333");
        CsvRow row = new CsvRow("t.csv");
        row.start(1, bytes, 0);
        assertEquals(LineSplitter.INCOMPLETE, LineSplitter.split(bytes, 0, 8, false, row));
        row.start(1, bytes, 0);
        assertEquals(8, LineSplitter.split(bytes, 0, 8, true, row));
        assertArrayEquals(new String[] {"1", "22", "333"}, row.cells());
        assertEquals(333, row.number(2));
    }

    @Test
    void aQuoteOrALoneCarriageReturnHandsTheLineOver() {
        for (String line : new String[] {"1,\"2\",3\n", "1,2\"x,3\n", "1,2\r3\n", "1,2,3\r", "\"\n",
            "0,".repeat(40) + "\"7\"\n", "0,".repeat(40) + "1\r2\n"}) {
            byte[] bytes = padded(line);
            CsvRow row = new CsvRow("t.csv");
            row.start(1, bytes, 0);
            assertEquals(LineSplitter.HAND_OVER, LineSplitter.split(bytes, 0, line.length(), true, row), line);
        }
        byte[] crAtLimit = padded("1,2\r");
        CsvRow row = new CsvRow("t.csv");
        row.start(1, crAtLimit, 0);
        assertEquals(LineSplitter.INCOMPLETE, LineSplitter.split(crAtLimit, 0, 4, false, row));
    }

    @Test
    void anEmptyCellIsNoNumberAndSaysWhere() {
        byte[] bytes = padded("1,,3\n");
        CsvRow row = new CsvRow("t.csv");
        row.start(4, bytes, 0);
        assertEquals(4, LineSplitter.split(bytes, 0, 5, true, row));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> row.number(1));
        assertEquals("t.csv, line 4, column 2: '' is not a finite number", error.getMessage());
    }

    @Test
    void aCellThatIsNotADigitRunIsNeverTakenForOne() {
        String[] tricky = {"-5", "+5", "5-", "5+", "/5", ":5", "5/", "5:", "\u00ca5", "5\u00ca", "\u02805",
            "5\u0280", "\u028f55", "5 ", " 5", "5.0"};
        for (String cell : tricky) {
            for (int lead = 0; lead < 70; lead++) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < lead; i++) {
                    cells.add("0");
                }
                cells.add(cell);
                cells.add("1");
                assertSplits(cells, "\n", 0, "'" + cell + "' after " + lead + " cells");
            }
        }
    }

    /** Splits {@code cells} joined by commas and ended by {@code ending}, placed at {@code offset}, and checks all. */
    private static void assertSplits(List<String> cells, String ending, int offset, String what) {
        String line = String.join(",", cells) + ending;
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[offset + text.length + Long.BYTES + 100];
        Arrays.fill(bytes, (byte) '9');
        System.arraycopy(text, 0, bytes, offset, text.length);
        int limit = offset + text.length + 100;
        CsvRow row = new CsvRow("t.csv");
        row.start(1, bytes, offset);
        int end = LineSplitter.split(bytes, offset, limit, false, row);
        assertEquals(offset + text.length - 1, end, what + ": where the line ends");
        assertEquals(cells, List.of(row.cells()), what);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean digits = cell.matches("[0-9]{1,8}");
            assertEquals(digits, row.values()[c] >= 0, what + ": whether '" + cell + "' was read on splitting");
            assertSameNumber(cell, row, c, what);
        }
    }

    private static void assertSameNumber(String cell, CsvRow row, int column, String what) {
        double expected;
        try {
            expected = Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            assertThrows(IllegalArgumentException.class, () -> row.number(column), what + ": '" + cell + "'");
            return;
        }
        if (!Double.isFinite(expected)) {
            assertThrows(IllegalArgumentException.class, () -> row.number(column), what + ": '" + cell + "'");
            return;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(row.number(column)),
                what + ": '" + cell + "'");
    }

    /** The text's bytes and room after them, as a file's buffer has. */
    private static byte[] padded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 100);
    }

}

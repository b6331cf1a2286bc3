package dev.chainrule.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decimal fast path gives bit for bit what {@code Double.parseDouble} gives, and leaves the rest to it. */
class DecimalTextTest {

    private static final String ALPHABET = "0123456789.-+ eE";

    @ParameterizedTest
    @ValueSource(strings = {"0", "255", "-0", "+0.0", "-0.000", "0.1", "0.3", ".5", "5.", "-.25", " 42 ", "\t7\n",
        "0.30000000000000004", "9007199254740991", "9007199254740992", "9007199254740993", "123456789012345678901",
        "1e3", "1E-7", "0x1p3", "1d", "2f", "NaN", "-Infinity", "0.0000000000000000000001",
        "0.00000000000000000000001", "4.9e-324", "1.7976931348623157e308", "00000000000000000000000001.5", "7",
        "99999999", "100000000", "12345678", "-00000009", "+1234567", "09"})
    void readsEachTextAsDoubleParseDoubleDoes(String text) {
        assertSame(text);
    }

    @Test
    void nonAsciiTextGoesToTheGeneralParserAndIsRefusedAsThere() {
        for (String text : new String[] {"\u00a012", "12\u2003", "\u0661\u0662", "1\u00e9"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertTrue(Double.isNaN(DecimalText.fastPath(bytes, 0, bytes.length)), text);
            assertThrows(NumberFormatException.class, () -> Double.parseDouble(text));
            assertThrows(NumberFormatException.class, () -> DecimalText.parse(bytes, 0, bytes.length), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/2", "1:2", "3?", "2\u00b2", "12345:78", "1234567;", "", " ", ".",
        "-", "+", "-.", "1.2.3", "1-2", "--1", "x", "1,5", "e5"})
    void textThatIsNoNumberIsRefusedAsDoubleParseDoubleRefusesIt(String text) {
        assertThrows(NumberFormatException.class, () -> Double.parseDouble(text));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThrows(NumberFormatException.class, () -> DecimalText.parse(bytes, 0, bytes.length));
    }

    @Test
    void randomDecimalsOfEveryLengthAgreeWithDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(20261205);
        int fast = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(i % 2 == 0 ? 8 : 26);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(10) < 8 ? (char) ('0' + random.nextInt(10))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = text.toString();
            if (parsesAsDouble(candidate)) {
                assertSame(candidate);
                byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
                fast += Double.isNaN(DecimalText.fastPath(bytes, 0, bytes.length)) ? 0 : 1;
            } else {
                byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
                assertThrows(NumberFormatException.class, () -> DecimalText.parse(bytes, 0, bytes.length), candidate);
            }
        }
        assertTrue(fast > 50_000, "the fast path read only " + fast + " of the numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "10", "255", "0255", "1000", "9999", "10000", "00000", "123456", "1234567",
        "12345678", "99999999", "00000001"})
    void oneToEightDigitsAreReadAsTheirIntegerWhereverTheyLie(String digits) {
        for (String around : new String[] {"", ",", "77777777", "-x"}) {
            byte[] bytes = (around + digits + around + "        ").getBytes(StandardCharsets.UTF_8);
            int from = around.length();
            assertEquals(Double.parseDouble(digits), DecimalText.unsignedInteger(bytes, from, from + digits.length()),
                    digits + " within " + around);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1.0", " 1", "1 ", "1e2", "123456789", "12a4", "/", ":", "\u00ca5"})
    void anythingButOneToEightDigitsIsNoUnsignedInteger(String text) {
        byte[] bytes = (text + "        ").getBytes(StandardCharsets.UTF_8);
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(-1, DecimalText.unsignedInteger(bytes, 0, length), text);
    }

    @Test
    void digitsNearTheEndOfTheArrayAreLeftToTheGeneralReader() {
        byte[] bytes = "x12".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, DecimalText.unsignedInteger(bytes, 1, 3));
        assertEquals(12, DecimalText.parse(bytes, 1, 3));
    }

    @Test
    void digitValuesOfEveryLengthCombineToTheirInteger() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 100_000; i++) {
            int length = 1 + random.nextInt(8);
            long digits = random.nextLong();
            long expected = 0;
            for (int d = 0; d < length; d++) {
                long digit = random.nextInt(10);
                digits = digits & ~(0xFFL << (8 * d)) | digit << (8 * d);
                expected = expected * 10 + digit;
            }
            assertEquals(expected, DecimalText.digitsValue(digits, length), Long.toHexString(digits) + ", " + length);
        }
    }

    private static void assertSame(String text) {
        double expected = Double.parseDouble(text);
        for (String after : new String[] {"", "#", "77777777", "0.5,9"}) {
            byte[] bytes = ("#" + text + after).getBytes(StandardCharsets.UTF_8);
            double actual = DecimalText.parse(bytes, 1, bytes.length - after.length());
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    () -> "'" + text + "' before '" + after + "': expected " + expected + ", got " + actual);
        }
    }

    private static boolean parsesAsDouble(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

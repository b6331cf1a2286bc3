package dev.chainrule.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiniteDomainTest {

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({"2, 1", "NaN, 1", "0, NaN"})
    void anEmptyOrUndefinedRangeIsRefused(double lower, double upper) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new FiniteDomain(lower, upper));
        assertEquals("a finite domain needs lower <= upper, got [" + lower + ", " + upper + "]", error.getMessage());
    }

    @ParameterizedTest(name = "{0} in [-1, 2]: {1}")
    @CsvSource({"-1, true", "2, true", "0.5, true", "-1.000001, false", "2.000001, false", "NaN, false"})
    void bothEndsBelongToTheDomain(double x, boolean inside) {
        assertEquals(inside, new FiniteDomain(-1, 2).contains(x));
    }

    @Test
    void aSinglePointIsADomain() {
        FiniteDomain point = new FiniteDomain(3, 3);
        assertEquals(true, point.contains(3));
        assertEquals("[3.0, 3.0]", point.toString());
    }

    @Test
    void atMostIsOpenBelow() {
        FiniteDomain domain = FiniteDomain.atMost(88);
        assertEquals(new FiniteDomain(Double.NEGATIVE_INFINITY, 88), domain);
        assertEquals("[-Infinity, 88.0]", domain.toString());
        assertEquals(true, FiniteDomain.EVERYWHERE.contains(-Double.MAX_VALUE));
    }
}

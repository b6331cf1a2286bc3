package dev.chainrule.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void valuesRoundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "leaky_relu(alpha=0.2) \"quoted\" \\ \n\t\u0001 é");
        value.put("count", 3.0);
        value.put("fraction", 0.1);
        value.put("tiny", 1.5e-300);
        value.put("flags", Arrays.asList(true, false, null));
        value.put("nested", Map.of("empty", List.of()));
        assertEquals(value, Json.read(Json.write(value)));
    }

    @Test
    void wholeNumbersAreWrittenWithoutAFraction() {
        assertEquals("[3,-2,0.5]", Json.write(List.of(3.0, -2, 0.5)));
    }

    @Test
    void readsStandardJsonWithSpacesAndEscapes() {
        Object value = Json.read(" { \"a\" : [ 1 , 2.5e1 , \"\\u0041\\/\" ] } ");
        assertEquals(Map.of("a", List.of(1.0, 25.0, "A/")), value);
    }

    @Test
    void malformedTextNamesThePosition() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": 1,}"));
        assertTrue(error.getMessage().contains("character 8"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.read("[1 2]"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": 01}"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("\"unterminated"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("[1] x"));
    }
}

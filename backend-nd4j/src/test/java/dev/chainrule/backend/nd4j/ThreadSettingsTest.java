package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadSettingsTest {

    @Test
    void byDefaultTheNativePoolsGetOneThreadAndJavaSharesLargeProductsOnEveryCore() {
        assertEquals(new ThreadSettings(1, 1, 2, "default for 2 cores"),
                ThreadSettings.choose(key -> null, key -> null, 2));
        assertEquals(new ThreadSettings(1, 1, 8, "default for 8 cores"),
                ThreadSettings.choose(key -> null, key -> null, 8));
        assertEquals(1, ThreadSettings.choose(key -> null, key -> null, 1).productThreads());
    }

    @Test
    void ompNumThreadsIsLeftToNd4jAndOpenBlas() {
        Map<String, String> environment = Map.of("OMP_NUM_THREADS", "3");
        assertEquals(new ThreadSettings(0, 0, 1, "OMP_NUM_THREADS=3"),
                ThreadSettings.choose(key -> null, environment::get, 2));
    }

    @Test
    void theSystemPropertySetsBothPoolsAndBeatsTheEnvironment() {
        Map<String, String> properties = Map.of(ThreadSettings.PROPERTY, " 2 ");
        assertEquals(new ThreadSettings(2, 2, 1, "-Dchainrule.nd4j.threads=2"),
                ThreadSettings.choose(properties::get, Map.of("OMP_NUM_THREADS", "8")::get, 16));
    }

    @Test
    void aPropertyThatIsNotAPositiveNumberIsAClearError() {
        for (String value : new String[] {"0", "-1", "many"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ThreadSettings.choose(Map.of(ThreadSettings.PROPERTY, value)::get, key -> null, 2));
            assertEquals("chainrule.nd4j.threads must be a whole number >= 1, got '" + value + "'", error.getMessage());
        }
    }
}

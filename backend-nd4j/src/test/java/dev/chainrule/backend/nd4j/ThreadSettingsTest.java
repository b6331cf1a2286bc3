package dev.chainrule.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadSettingsTest {

    @Test
    void byDefaultTheKernelsGetTwoThreadsAndBlasHalfTheCores() {
        assertEquals(new ThreadSettings(2, 1, "default for 2 cores"), ThreadSettings.choose(key -> null, key -> null, 2));
        assertEquals(new ThreadSettings(2, 4, "default for 8 cores"), ThreadSettings.choose(key -> null, key -> null, 8));
        assertEquals(1, ThreadSettings.choose(key -> null, key -> null, 1).blasThreads());
        assertEquals(1, ThreadSettings.choose(key -> null, key -> null, 1).kernelThreads());
    }

    @Test
    void ompNumThreadsIsLeftToNd4jAndOpenBlas() {
        Map<String, String> environment = Map.of("OMP_NUM_THREADS", "3");
        assertEquals(new ThreadSettings(0, 0, "OMP_NUM_THREADS=3"),
                ThreadSettings.choose(key -> null, environment::get, 2));
    }

    @Test
    void theSystemPropertySetsBothPoolsAndBeatsTheEnvironment() {
        Map<String, String> properties = Map.of(ThreadSettings.PROPERTY, " 2 ");
        assertEquals(new ThreadSettings(2, 2, "-Dchainrule.nd4j.threads=2"),
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

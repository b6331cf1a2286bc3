package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    @Test
    void readsTheHighWaterMarkInBytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmHWM:\t  421312 kB", "VmRSS:\t 400000 kB");
        assertEquals(421312L * 1024, PeakMemory.highWaterMark(status));
    }

    @Test
    void readsTheChildsLine() {
        assertArrayEquals(new long[] {123, 456}, PeakMemory.parse("peak_rss_bytes=123 data_float32_bytes=456"));
    }

    @Test
    void readsTheCpuModel() {
        assertEquals("AMD EPYC", Machine.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC", "flags\t: x")));
        assertEquals("unknown CPU", Machine.cpuModel(List.of()));
    }
}

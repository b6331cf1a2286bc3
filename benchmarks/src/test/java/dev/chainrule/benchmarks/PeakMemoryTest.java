package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.benchmarks.PyTorchReference.PyTorchResults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsing of what child processes report: /proc status, epoch times, PyTorch's lines, the CPU model. */
class PeakMemoryTest {

    @Test
    void readsTheHighWaterMarkInBytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmHWM:\t  421312 kB", "VmRSS:\t 400000 kB");
        assertEquals(421312L * 1024, PeakMemory.highWaterMark(status));
        assertThrows(IllegalStateException.class, () -> PeakMemory.highWaterMark(List.of("Name:\tjava")));
    }

    @Test
    void readsTheEpochTimes() {
        assertArrayEquals(new double[] {1.5, 0.75}, EpochTimes.parse("epoch_seconds=1.5000 0.7500"));
    }

    @Test
    void readsPyTorchsLines() {
        PyTorchResults results = PyTorchReference.parse(List.of(
                "{\"measure\": \"training\", \"optimizer\": \"sgd\", \"samples_per_second\": 81234.5}",
                "{\"measure\": \"inference\", \"batch\": 1, \"seconds\": 9.6e-05}",
                "{\"measure\": \"peak_memory\", \"bytes\": 481624064}"));
        assertEquals(Map.of("sgd", 81234.5), results.samplesPerSecond());
        assertEquals(Map.of(1, 9.6e-05), results.inferenceSeconds());
        assertEquals(481624064L, results.peakBytes());
        assertThrows(IllegalArgumentException.class, () -> PyTorchReference.parse(List.of("Traceback ...")));
    }

    @Test
    void readsTheCpuModel() {
        assertEquals("AMD EPYC", Machine.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC", "flags\t: x")));
        assertEquals("unknown CPU", Machine.cpuModel(List.of()));
    }

    @Test
    void theScriptIsInTheJar() {
        assertEquals(true, PyTorchReference.class.getResource("pytorch/seed_network.py") != null);
    }
}

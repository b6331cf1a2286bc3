package dev.chainrule.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Where and when the benchmarks ran, for the report.
 *
 * @param date        the day
 * @param cores       available processors
 * @param cpu         the CPU model, from {@code /proc/cpuinfo}
 * @param jdk         the JVM's name and version
 * @param loadAverage the system load average when measured
 */
record Machine(LocalDate date, int cores, String cpu, String jdk, double loadAverage) {

    /** This machine, now. */
    static Machine current() {
        return new Machine(LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One line: date, cores, CPU, JDK and load. */
    String describe() {
        return String.format(Locale.ROOT, "%s, %d cores (%s), %s, load average %.1f", date, cores, cpu, jdk,
                loadAverage);
    }

    /** The {@code model name} of {@code cpuinfo}'s lines, or {@code unknown CPU}. */
    static String cpuModel(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static String cpuModel() {
        try {
            return cpuModel(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}

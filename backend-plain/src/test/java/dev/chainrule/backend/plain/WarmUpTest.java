package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up runs every path it means to compile, with the kernels of this JVM, and stops by itself. */
class WarmUpTest {

    @Test
    void runsRoundsWithinItsBudget() {
        long start = System.nanoTime();
        int rounds = WarmUp.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(rounds >= 1 && rounds <= WarmUp.ROUNDS, rounds + " rounds");
        assertTrue(millis < WarmUp.BUDGET_MILLISECONDS + 5_000, millis + " ms");
    }

    @Test
    void askingForTheBackendStartsItOnlyOnce() {
        PlainBackend backend = new PlainBackend();
        assertTrue(backend.availability().usable());
        assertTrue(backend.availability().usable());
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("chainrule-plain-warm-up")).count();
        assertTrue(threads <= 1, threads + " warm-up threads");
    }
}

package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComputePoolTest {

    @Test
    void runsEveryTaskAndTheFirstOnTheCallingThread() {
        ComputePool pool = new ComputePool(3);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Thread caller = Thread.currentThread();
        AtomicInteger firstOnCaller = new AtomicInteger();
        pool.runAll(List.of(() -> {
            runs.incrementAndGet();
            firstOnCaller.set(Thread.currentThread() == caller ? 1 : 0);
        }, () -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread());
        }, () -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread());
        }));
        assertEquals(3, runs.get());
        assertEquals(1, firstOnCaller.get());
        assertTrue(threads.stream().allMatch(Thread::isDaemon), "workers are daemon threads");
    }

    @Test
    void rethrowsAFailedTaskAfterTheOthersFinish() {
        ComputePool pool = new ComputePool(2);
        IllegalStateException failure = new IllegalStateException("boom");
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> pool.runAll(List.of(runs::incrementAndGet, () -> {
                    throw failure;
                })));
        assertSame(failure, thrown);
        assertEquals(1, runs.get());
    }

    @Test
    void threadsComeFromThePropertyOrTheProcessors() {
        assertEquals(Runtime.getRuntime().availableProcessors(), ComputePool.threadsFrom(null));
        assertEquals(3, ComputePool.threadsFrom(" 3 "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ComputePool.threadsFrom("zero"));
        assertEquals("chainrule.plain.threads must be a whole number >= 1, got 'zero'", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComputePool.threadsFrom("0"));
    }
}

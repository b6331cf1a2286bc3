package dev.chainrule.backend.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ComputePoolTest {

    @Test
    void runsEveryTaskOnceOnTheCallerAndTheWorkers() {
        ComputePool pool = new ComputePool(3);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger[] runs = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        pool.runAll(IntStream.range(0, runs.length).<Runnable>mapToObj(i -> () -> {
            runs[i].incrementAndGet();
            threads.add(Thread.currentThread());
        }).toList());
        for (AtomicInteger count : runs) {
            assertEquals(1, count.get());
        }
        threads.remove(Thread.currentThread());
        assertTrue(threads.stream().allMatch(Thread::isDaemon), "workers are daemon threads");
    }

    @Test
    void theCallerTakesTheTasksThatNoWorkerIsFreeFor() throws InterruptedException {
        ComputePool pool = new ComputePool(2);
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable blocking = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread other = new Thread(() -> pool.runAll(List.of(blocking, blocking)));
        other.start();
        started.await();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        pool.runAll(List.of(() -> threads.add(Thread.currentThread()), () -> threads.add(Thread.currentThread()),
                () -> threads.add(Thread.currentThread())));
        assertEquals(Set.of(Thread.currentThread()), threads, "the only worker is busy, so the caller ran all three");
        release.countDown();
        other.join();
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
        assertEquals(1, runs.get(), "the other task ran");
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

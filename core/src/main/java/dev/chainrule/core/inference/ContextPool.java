package dev.chainrule.core.inference;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Idle {@link InferenceContext}s waiting for a thread: a fixed array of slots that threads empty and fill with
 * compare-and-set, so that taking and returning a context allocates nothing and never blocks. A thread that finds no
 * idle context makes a new one; a context returned to a full pool is dropped. With at most as many threads predicting
 * at once as the pool has slots, every thread soon finds a context ready.
 */
final class ContextPool {

    private final AtomicReferenceArray<InferenceContext> idle;
    private final Supplier<InferenceContext> factory;

    ContextPool(int slots, Supplier<InferenceContext> factory) {
        this.idle = new AtomicReferenceArray<>(slots);
        this.factory = factory;
    }

    /** An idle context, taken out of the pool, or a new one; the caller alone uses it until {@link #release}. */
    InferenceContext acquire() {
        int slots = idle.length();
        int start = home(slots);
        for (int i = 0; i < slots; i++) {
            int slot = (start + i) % slots;
            InferenceContext context = idle.get(slot);
            if (context != null && idle.compareAndSet(slot, context, null)) {
                return context;
            }
        }
        return factory.get();
    }

    /** Gives {@code context} back for other calls, or drops it when every slot is taken. */
    void release(InferenceContext context) {
        int slots = idle.length();
        int start = home(slots);
        for (int i = 0; i < slots; i++) {
            int slot = (start + i) % slots;
            if (idle.get(slot) == null && idle.compareAndSet(slot, null, context)) {
                return;
            }
        }
    }

    /** Where a thread starts looking, so that threads tend to keep to slots of their own. */
    private static int home(int slots) {
        return (int) Math.floorMod(Thread.currentThread().getId(), (long) slots);
    }
}

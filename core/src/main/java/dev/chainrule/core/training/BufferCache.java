package dev.chainrule.core.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Buffers keyed by batch size. Training sees two sizes (the full batch and a smaller last one), evaluation perhaps a
 * third; the cache keeps the few most recently used so that no size is reallocated batch after batch.
 */
final class BufferCache<T> {

    private static final int CAPACITY = 3;

    private final Map<Integer, T> entries = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, T> eldest) {
            return size() > CAPACITY;
        }
    };

    T get(int rows, IntFunction<T> allocate) {
        return entries.computeIfAbsent(rows, allocate::apply);
    }

    /** Forgets every buffer. */
    void clear() {
        entries.clear();
    }
}

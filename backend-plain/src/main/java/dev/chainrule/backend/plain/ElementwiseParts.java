package dev.chainrule.backend.plain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long element-wise pass among the product threads ({@link ComputePool}): a pass over at least
 * {@value #SHARED} elements is cut into one range per thread, since one core cannot draw the memory bandwidth that
 * two can; a shorter one runs on the calling thread. Element-wise results do not depend on the split.
 */
final class ElementwiseParts {

    /** Passes over at least this many elements are shared. */
    static final int SHARED = 1 << 16;

    private ElementwiseParts() {
    }

    /** The work on elements {@code from} (inclusive) to {@code to} (exclusive). */
    interface Range {
        void run(int from, int to);
    }

    /** Runs {@code range} over {@code [0, count)}, in parts on the shared product threads when it is long. */
    static void run(int count, Range range) {
        run(count, 1, range);
    }

    /**
     * Runs {@code range} over {@code [0, count)} units of {@code unitSize} elements each (the planes of a pooling,
     * say), in parts of whole units on the shared product threads when they hold at least {@value #SHARED} elements.
     */
    static void run(int count, int unitSize, Range range) {
        ComputePool pool = MatrixMultiply.shared().pool();
        int parts = (long) count * unitSize < SHARED ? 1 : Math.min(count, pool.threads());
        if (parts == 1) {
            range.run(0, count);
            return;
        }
        List<Runnable> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            tasks.add(() -> range.run(from, to));
        }
        pool.runAll(tasks);
    }
}

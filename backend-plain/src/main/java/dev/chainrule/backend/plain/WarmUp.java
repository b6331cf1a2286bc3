package dev.chainrule.backend.plain;

import dev.chainrule.core.tensor.UnaryOp;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the JIT to compile the Vector API kernels while the application is still loading its data. Until C2 has
 * compiled it, every vector operation is a Java object and the kernel runs a hundred times slower than when compiled
 * (a first training epoch on a busy machine took six times as long as the second). So when the backend is chosen,
 * a daemon thread multiplies small matrices of its own, in every transpose case and on the one-row path, and runs the
 * element-wise loops of a training step, for at most {@value #BUDGET_MILLISECONDS} ms, which is enough to have them
 * queued for compilation; compiled code is shared by every thread. It touches no tensor of the application and no
 * product thread, and computes nothing that anyone reads.
 */
final class WarmUp {

    /** The longest the warm-up runs. */
    static final long BUDGET_MILLISECONDS = 2000;
    /** The most rounds it runs; a compiled round takes well under a millisecond. */
    static final int ROUNDS = 400;

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    /** Starts the warm-up thread, once per JVM, when the vector kernels will be used. */
    static void startOnce() {
        if (KernelChoice.vectorExpected(System.getProperty(KernelChoice.PROPERTY)) && STARTED.compareAndSet(false,
                true)) {
            Thread thread = new Thread(WarmUp::run, "chainrule-plain-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /** The rounds, until the budget or the round count runs out. */
    static int run() {
        long start = System.nanoTime();
        MatrixMultiply product = MatrixMultiply.shared();
        // 36 x 96 x 192: below MatrixMultiply.SHARED, so that it stays on this thread, above TINY, so that it packs.
        int rows = 36;
        int columns = 96;
        int depth = 192;
        float[] a = filled(rows * depth);
        float[] b = filled(depth * columns);
        float[] c = new float[rows * columns];
        float[] work = new float[rows * columns];
        float[] wide = new float[rows * depth];
        int round = 0;
        while (round < ROUNDS && System.nanoTime() - start < BUDGET_MILLISECONDS * 1_000_000) {
            product.float32(a, false, depth, b, false, columns, c, rows, columns, depth);
            product.float32(a, true, rows, b, false, columns, work, rows, columns, depth);
            product.float32(c, false, columns, b, true, columns, wide, rows, depth, columns);
            product.float32(a, false, depth, b, false, columns, c, 1, columns, depth);
            for (UnaryOp op : new UnaryOp[] {UnaryOp.TANH, UnaryOp.EXP, UnaryOp.SQUARE}) {
                Float32Elementwise.unary(op, c, work, c.length);
            }
            round++;
        }
        LOG.debug("plain warm-up: {} rounds in {} ms", round, (System.nanoTime() - start) / 1_000_000);
        return round;
    }

    private static float[] filled(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (i % 17 - 8) / 64f;
        }
        return values;
    }
}

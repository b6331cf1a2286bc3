package dev.chainrule.backend.nd4j;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A large matrix product shared among Java threads: C is cut into one block of rows (or columns) per thread, and each
 * block is one single-threaded OpenBLAS call on pointers into the operands' native buffers (no copies, no views).
 * Idle Java threads sleep, where OpenBLAS's and OpenMP's own threads spin while they wait; on a machine that other
 * programs keep busy, that spinning cost most of a step (see the README's Threads). The caller computes blocks too
 * and takes any block that a worker has not started by the time it is done, so a worker kept off its core by another
 * program delays nothing. Every operand is a row-major array that owns its buffer ({@link Nd4jTensor}).
 */
final class SharedProduct {

    /** Products of at least this many multiply-adds are shared; a smaller one is not worth waking a thread. */
    static final long SHARED = 1L << 21;

    private final int threads;
    private final ExecutorService workers;

    /** Shares among {@code threads} threads, the caller and {@code threads - 1} daemon workers. */
    SharedProduct(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a shared product needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "chainrule-nd4j-gemm-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The threads that share a large product. */
    int threads() {
        return threads;
    }

    /** Whether a product of {@code work} multiply-adds is shared rather than left to one call of ND4J's. */
    boolean shares(long work) {
        return threads > 1 && work >= SHARED;
    }

    /**
     * {@code c = op(a) op(b)} for {@code rows x columns} C and shared dimension {@code depth}: shared in blocks when
     * it is large enough ({@link #shares}), else one OpenBLAS call on this thread. Either way OpenBLAS is called
     * directly on the buffers' addresses: ND4J's own {@code gemm} builds an operation and checks shapes for every
     * call, which took longer than the arithmetic of the seed network's smaller products. Modifies only {@code c}.
     */
    void compute(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, int rows, int columns,
            int depth) {
        if (shares((long) rows * columns * depth)) {
            multiply(a, transposeA, b, transposeB, c, rows, columns, depth);
        } else {
            block(a, transposeA, b, transposeB, c, rows, columns, depth, true, 0, rows);
        }
    }

    /**
     * {@code c = op(a) op(b)} for {@code rows x columns} C and shared dimension {@code depth}, in blocks, whatever
     * its size. Modifies only {@code c}.
     */
    void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, int rows, int columns,
            int depth) {
        boolean byRows = rows >= columns;
        int length = byRows ? rows : columns;
        int parts = Math.min(threads, length);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable take = () -> {
            for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
                try {
                    int from = (int) ((long) length * p / parts);
                    int to = (int) ((long) length * (p + 1) / parts);
                    block(a, transposeA, b, transposeB, c, rows, columns, depth, byRows, from, to);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int w = 0; w < parts - 1; w++) {
            workers.execute(take);
        }
        take.run();
        awaitUninterruptibly(finished);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    /** Rows (or columns) {@code from} to {@code to} of C, by one OpenBLAS call. */
    private static void block(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, int rows,
            int columns, int depth, boolean byRows, int from, int to) {
        int lda = transposeA ? rows : depth;
        int ldb = transposeB ? depth : columns;
        long aOffset = byRows ? (transposeA ? from : (long) from * depth) : 0;
        long bOffset = byRows ? 0 : (transposeB ? (long) from * depth : from);
        long cOffset = byRows ? (long) from * columns : from;
        int m = byRows ? to - from : rows;
        int n = byRows ? columns : to - from;
        int ta = transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, depth, 1f,
                    floats(a, aOffset), lda, floats(b, bOffset), ldb, 0f, floats(c, cOffset), columns);
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, depth, 1.0,
                    doubles(a, aOffset), lda, doubles(b, bOffset), ldb, 0.0, doubles(c, cOffset), columns);
        }
    }

    private static FloatPointer floats(INDArray array, long offset) {
        return new FloatPointer(address(array)).position(offset);
    }

    private static DoublePointer doubles(INDArray array, long offset) {
        return new DoublePointer(address(array)).position(offset);
    }

    private static Pointer address(INDArray array) {
        return array.data().addressPointer();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

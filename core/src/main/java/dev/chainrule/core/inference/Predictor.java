package dev.chainrule.core.inference;

import dev.chainrule.core.activation.Activation;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.training.Accuracy;
import java.util.Arrays;
import java.util.Set;

/**
 * Predictions of a trained {@link Network} for applications: rows of {@code float} or {@code double} numbers, single
 * or in batches, or tensors, with helpers for the predicted class, the top {@code k} classes and probabilities. It
 * runs the network's own inference pass
 * ({@link Network#predict(Tensor, Tensor, dev.chainrule.core.network.ForwardBuffers)}: dropout off, batch
 * normalisation on its running statistics), so a batch's outputs are bit for bit those of {@code Network.predict} on
 * the same batch.
 *
 * <pre>{@code
 * Predictor predictor = Predictor.of(network);
 * float[] probabilities = predictor.predict(pixels, new float[predictor.outputs()]);
 * int digit = predictor.classify(pixels);
 * }</pre>
 *
 * <p><b>Buffers.</b> A prediction runs in an inference context: the network's buffers for a few batch sizes, the
 * input and output tensors and the host arrays that rows pass through. Contexts are kept from call to call, so once a
 * batch size has run, the single-row calls that write into the caller's arrays ({@link #predict(float[], float[])},
 * {@link #classify(float[])}, {@link #topK(float[], int[])}, {@link #probabilities(float[], double[])} and their
 * {@code double} forms) allocate nothing on the Java heap on the plain backend and no native memory on nd4j; the
 * calls on many rows allocate a few small objects per call, none per row, and those that return new arrays also
 * allocate those. Batches of Java rows larger than {@link #maxBatch()} run in
 * batches of {@code maxBatch()} rows, each exactly as {@code Network.predict} would run it; a tensor runs whole.
 *
 * <p><b>Threads.</b> A predictor is safe to share: any number of threads may call it at once. Each call takes an
 * idle context from a lock-free pool (or makes one if none is idle) and gives it back when done, so threads never
 * share a buffer and never wait for each other; with at most {@code contexts} threads predicting at once (see
 * {@link #of(Network, int, int)}) every thread soon finds a context ready and allocates nothing. Results do not depend
 * on which thread or context ran them. The network itself must not change meanwhile: do not train it, step an
 * optimizer on it or load parameters into it while predictions run (make a predictor of a copy, or stop predicting).
 *
 * <p>Inputs are checked: a row of the wrong width or a number that is not finite is an
 * {@link IllegalArgumentException} naming the row and the input.
 */
public final class Predictor {

    /** Rows per batch when Java rows are many: the batch of the command line's {@code predict} and {@code evaluate}. */
    public static final int DEFAULT_MAX_BATCH = 512;

    /** Output activations whose outputs already are probabilities, returned as they are by {@link #probabilities}. */
    private static final Set<String> PROBABILITY_OUTPUTS = Set.of("softmax", "sigmoid");

    private final Network network;
    private final int maxBatch;
    private final ContextPool pool;
    private final boolean outputsAreProbabilities;

    private Predictor(Network network, int maxBatch, int contexts) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a predictor's batch must be at least 1 row, got " + maxBatch);
        }
        if (contexts < 1) {
            throw new IllegalArgumentException("a predictor keeps at least 1 context, got " + contexts);
        }
        this.network = network;
        this.maxBatch = maxBatch;
        this.pool = new ContextPool(contexts, () -> new InferenceContext(network));
        this.outputsAreProbabilities = network.layer(network.layers().size()).outputActivation().map(Activation::name)
                .filter(PROBABILITY_OUTPUTS::contains).isPresent();
    }

    /**
     * A predictor of {@code network} with batches of {@value #DEFAULT_MAX_BATCH} rows and contexts kept for up to
     * twice as many threads as the machine has processors (at least 8).
     */
    public static Predictor of(Network network) {
        return of(network, DEFAULT_MAX_BATCH, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A predictor of {@code network}.
     *
     * @param maxBatch rows per batch when Java rows are many; at least 1
     * @param contexts idle inference contexts kept for the threads that predict at once; at least 1
     */
    public static Predictor of(Network network, int maxBatch, int contexts) {
        return new Predictor(network, maxBatch, contexts);
    }

    /** The network it predicts with. */
    public Network network() {
        return network;
    }

    /** Numbers per input row. */
    public int inputs() {
        return network.inputs();
    }

    /** Numbers per output row. */
    public int outputs() {
        return network.outputs();
    }

    /** Rows per batch when Java rows are many. */
    public int maxBatch() {
        return maxBatch;
    }

    /** Whether the outputs already are probabilities: the output activation is {@code softmax} or {@code sigmoid}. */
    public boolean outputsAreProbabilities() {
        return outputsAreProbabilities;
    }

    /** The outputs for one row, in a new array. */
    public double[] predict(double[] row) {
        return predict(row, new double[outputs()]);
    }

    /** The outputs for one row, into {@code out} ({@link #outputs()} numbers, modified); returns {@code out}. */
    public double[] predict(double[] row, double[] out) {
        Rows.checkResult(out.length, 1, outputs());
        InferenceContext context = pool.acquire();
        try {
            System.arraycopy(one(context, row).outputs, 0, out, 0, out.length);
        } finally {
            pool.release(context);
        }
        return out;
    }

    /** The outputs for one row, in a new array. */
    public float[] predict(float[] row) {
        return predict(row, new float[outputs()]);
    }

    /**
     * The outputs for one row, into {@code out} ({@link #outputs()} numbers, modified), rounded to {@code float} when
     * the network computes in FLOAT64; returns {@code out}.
     */
    public float[] predict(float[] row, float[] out) {
        Rows.checkResult(out.length, 1, outputs());
        InferenceContext context = pool.acquire();
        try {
            Rows.store(one(context, row).outputs, 0, out.length, out, 0);
        } finally {
            pool.release(context);
        }
        return out;
    }

    /** The outputs for each row, in new arrays. */
    public double[][] predict(double[][] rows) {
        double[][] results = new double[rows.length][];
        inBatches(rows.length, (batch, start) -> {
            for (int r = 0; r < batch.rows; r++) {
                Rows.load(rows[start + r], start + r, inputs(), batch.inputs, r * inputs());
            }
        }, (batch, start) -> {
            for (int r = 0; r < batch.rows; r++) {
                results[start + r] = Arrays.copyOfRange(batch.outputs, r * outputs(), (r + 1) * outputs());
            }
        });
        return results;
    }

    /** The outputs for each row, in new arrays; see {@link #predict(float[], float[])} for the rounding. */
    public float[][] predict(float[][] rows) {
        float[][] results = new float[rows.length][outputs()];
        inBatches(rows.length, (batch, start) -> {
            for (int r = 0; r < batch.rows; r++) {
                Rows.load(rows[start + r], start + r, inputs(), batch.inputs, r * inputs());
            }
        }, (batch, start) -> {
            for (int r = 0; r < batch.rows; r++) {
                Rows.store(batch.outputs, r * outputs(), outputs(), results[start + r], 0);
            }
        });
        return results;
    }

    /**
     * The outputs for rows given one after another in {@code rowMajor} (not modified; a positive multiple of
     * {@link #inputs()} numbers), into {@code out} (modified; {@link #outputs()} numbers per row); returns {@code out}.
     */
    public double[] predictRows(double[] rowMajor, double[] out) {
        int rows = Rows.count(rowMajor.length, inputs());
        Rows.checkResult(out.length, rows, outputs());
        inBatches(rows, (batch, start) -> Rows.load(rowMajor, start, batch.rows, inputs(), batch.inputs),
                (batch, start) -> System.arraycopy(batch.outputs, 0, out, start * outputs(), batch.outputs.length));
        return out;
    }

    /** {@link #predictRows(double[], double[])} for {@code float} rows; see {@link #predict(float[], float[])}. */
    public float[] predictRows(float[] rowMajor, float[] out) {
        int rows = Rows.count(rowMajor.length, inputs());
        Rows.checkResult(out.length, rows, outputs());
        inBatches(rowMajor, rows,
                (batch, start) -> Rows.store(batch.outputs, 0, batch.outputs.length, out, start * outputs()));
        return out;
    }

    /** The outputs for the batch {@code x} ({@code rows x inputs}, on the network's backend), in a new tensor. */
    public Tensor predict(Tensor x) {
        return predict(x, network.backend().zeros(network.dtype(), new Shape(x.rows(), outputs())));
    }

    /**
     * The outputs for the batch {@code x} (not modified), into {@code out} ({@code rows x outputs}, modified), in one
     * pass of {@code x.rows()} rows; returns {@code out}. Tensors are not safe for use by several threads at once, so
     * each thread passes its own {@code out}.
     */
    public Tensor predict(Tensor x, Tensor out) {
        InferenceContext context = pool.acquire();
        try {
            context.batch(x.rows()).run(x, out);
        } finally {
            pool.release(context);
        }
        return out;
    }

    /** The class of one row: the index of its largest output (the lowest index among equals). */
    public int classify(double[] row) {
        InferenceContext context = pool.acquire();
        try {
            return Accuracy.argmax(one(context, row).outputs, 0, outputs());
        } finally {
            pool.release(context);
        }
    }

    /** The class of one row; see {@link #classify(double[])}. */
    public int classify(float[] row) {
        InferenceContext context = pool.acquire();
        try {
            return Accuracy.argmax(one(context, row).outputs, 0, outputs());
        } finally {
            pool.release(context);
        }
    }

    /**
     * The class of each row of {@code rowMajor} (as in {@link #predictRows(double[], double[])}), into {@code out}
     * (one per row, modified); returns {@code out}.
     */
    public int[] classifyRows(double[] rowMajor, int[] out) {
        int rows = Rows.count(rowMajor.length, inputs());
        Rows.checkResult(out.length, rows, 1);
        inBatches(rows, (batch, start) -> Rows.load(rowMajor, start, batch.rows, inputs(), batch.inputs),
                (batch, start) -> classes(batch, out, start));
        return out;
    }

    /** The class of each row of {@code rowMajor}, into {@code out}; see {@link #classifyRows(double[], int[])}. */
    public int[] classifyRows(float[] rowMajor, int[] out) {
        int rows = Rows.count(rowMajor.length, inputs());
        Rows.checkResult(out.length, rows, 1);
        inBatches(rowMajor, rows, (batch, start) -> classes(batch, out, start));
        return out;
    }

    /** The {@code k} most likely classes of one row, most likely first, in a new array. */
    public int[] topK(double[] row, int k) {
        return topK(row, new int[k]);
    }

    /** The {@code best.length} most likely classes of one row, most likely first, into {@code best}; returns it. */
    public int[] topK(double[] row, int[] best) {
        InferenceContext context = pool.acquire();
        try {
            return Ranking.top(one(context, row).outputs, 0, outputs(), best);
        } finally {
            pool.release(context);
        }
    }

    /** The {@code k} most likely classes of one row, most likely first, in a new array. */
    public int[] topK(float[] row, int k) {
        return topK(row, new int[k]);
    }

    /** The {@code best.length} most likely classes of one row into {@code best}; see {@link #topK(double[], int[])}. */
    public int[] topK(float[] row, int[] best) {
        InferenceContext context = pool.acquire();
        try {
            return Ranking.top(one(context, row).outputs, 0, outputs(), best);
        } finally {
            pool.release(context);
        }
    }

    /**
     * Each class's probability for one row, into {@code out} ({@link #outputs()} numbers, modified): the outputs as
     * they are when {@link #outputsAreProbabilities()}, else the softmax of the outputs taken as scores (logits, or
     * the log-probabilities of {@code log_softmax}), computed in {@code double}. Returns {@code out}.
     */
    public double[] probabilities(double[] row, double[] out) {
        predict(row, out);
        if (!outputsAreProbabilities) {
            Ranking.softmax(out, 0, out.length);
        }
        return out;
    }

    /** {@link #probabilities(double[], double[])} for a {@code float} row, into {@code out}; returns {@code out}. */
    public double[] probabilities(float[] row, double[] out) {
        Rows.checkResult(out.length, 1, outputs());
        InferenceContext context = pool.acquire();
        try {
            System.arraycopy(one(context, row).outputs, 0, out, 0, out.length);
        } finally {
            pool.release(context);
        }
        if (!outputsAreProbabilities) {
            Ranking.softmax(out, 0, out.length);
        }
        return out;
    }

    /** Runs one row in {@code context}'s batch of 1 and returns the batch, whose outputs hold the row's. */
    private InferenceContext.Batch one(InferenceContext context, double[] row) {
        InferenceContext.Batch batch = context.batch(1);
        Rows.load(row, 0, inputs(), batch.inputs, 0);
        batch.run();
        return batch;
    }

    private InferenceContext.Batch one(InferenceContext context, float[] row) {
        Rows.check(row, 0, inputs());
        InferenceContext.Batch batch = context.batch(1);
        batch.run(row, 0);
        return batch;
    }

    /**
     * Runs the {@code rows} rows of {@code rowMajor} in batches of at most {@link #maxBatch()}: checks each, copies it
     * into the input tensor as it is, runs it, stores its outputs.
     */
    private void inBatches(float[] rowMajor, int rows, BatchStep store) {
        InferenceContext context = pool.acquire();
        try {
            for (int start = 0; start < rows; start += maxBatch) {
                InferenceContext.Batch batch = context.batch(Math.min(maxBatch, rows - start));
                Rows.checkFinite(rowMajor, start, batch.rows, inputs());
                batch.run(rowMajor, start * inputs());
                store.apply(batch, start);
            }
        } finally {
            pool.release(context);
        }
    }

    /** Runs {@code rows} rows in batches of at most {@link #maxBatch()}: loads each, runs it, stores its outputs. */
    private void inBatches(int rows, BatchStep load, BatchStep store) {
        InferenceContext context = pool.acquire();
        try {
            for (int start = 0; start < rows; start += maxBatch) {
                InferenceContext.Batch batch = context.batch(Math.min(maxBatch, rows - start));
                load.apply(batch, start);
                batch.run();
                store.apply(batch, start);
            }
        } finally {
            pool.release(context);
        }
    }

    private void classes(InferenceContext.Batch batch, int[] out, int start) {
        for (int r = 0; r < batch.rows; r++) {
            out[start + r] = Accuracy.argmax(batch.outputs, r * outputs(), outputs());
        }
    }

    /** One step of {@link #inBatches} for the batch that starts at row {@code start}. */
    private interface BatchStep {
        void apply(InferenceContext.Batch batch, int start);
    }

    @Override
    public String toString() {
        return "predictor of " + network + " (batches of " + maxBatch + " rows)";
    }
}

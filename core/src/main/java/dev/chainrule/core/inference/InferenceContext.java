package dev.chainrule.core.inference;

import dev.chainrule.core.network.ForwardBuffers;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorBackend;

/**
 * What one inference pass at a time needs, kept from call to call: for each of a few batch sizes, the network's
 * {@link ForwardBuffers}, the input and output tensors and the host arrays that rows pass through on their way in and
 * out. A batch size not seen before replaces the one least recently used. Not thread-safe: the {@link Predictor}
 * hands each context to one thread at a time.
 */
final class InferenceContext {

    /** Batch sizes kept at once: a serving loop's single rows, its full batches, a last partial one and one more. */
    static final int SIZES = 4;

    private final Network network;
    private final Batch[] batches = new Batch[SIZES];
    private long clock;

    InferenceContext(Network network) {
        this.network = network;
    }

    /** The buffers for batches of {@code rows}, made on first use. */
    Batch batch(int rows) {
        clock++;
        int oldest = 0;
        for (int i = 0; i < SIZES; i++) {
            Batch batch = batches[i];
            if (batch == null) {
                oldest = i;
                break;
            }
            if (batch.rows == rows) {
                batch.used = clock;
                return batch;
            }
            if (batch.used < batches[oldest].used) {
                oldest = i;
            }
        }
        Batch made = new Batch(network, rows);
        made.used = clock;
        batches[oldest] = made;
        return made;
    }

    /** The buffers for one batch size. */
    static final class Batch {

        final int rows;
        /** The batch's inputs, row-major, filled by the caller before {@link #run()}. */
        final double[] inputs;
        /** The batch's outputs, row-major, written by {@link #run()}. */
        final double[] outputs;
        private final Network network;
        private final ForwardBuffers buffers;
        private final Tensor x;
        private final Tensor out;
        private long used;

        private Batch(Network network, int rows) {
            TensorBackend backend = network.backend();
            this.rows = rows;
            this.network = network;
            this.inputs = new double[Math.multiplyExact(rows, network.inputs())];
            this.outputs = new double[Math.multiplyExact(rows, network.outputs())];
            this.buffers = network.forwardBuffers(rows);
            this.x = backend.zeros(network.dtype(), new Shape(rows, network.inputs()));
            this.out = backend.zeros(network.dtype(), new Shape(rows, network.outputs()));
        }

        /** Runs the inference pass on {@link #inputs} into {@link #outputs}. */
        void run() {
            // assignRows writes the tensor in place on every built-in backend (no native array per call on nd4j)
            network.backend().assignRows(inputs, 0, x);
            predictUploaded();
        }

        /**
         * Runs the inference pass on this batch's rows of {@code rowMajor} from {@code offset} on, copied into the input
         * tensor as they are (not through {@link #inputs}), into {@link #outputs}. The caller has checked them.
         */
        void run(float[] rowMajor, int offset) {
            network.backend().assign(rowMajor, offset, x);
            predictUploaded();
        }

        private void predictUploaded() {
            network.predict(x, out, buffers);
            network.backend().toDoubleArray(out, outputs);
        }

        /** Runs the inference pass on the caller's tensor {@code input} into the caller's {@code output}. */
        void run(Tensor input, Tensor output) {
            network.predict(input, output, buffers);
        }
    }
}

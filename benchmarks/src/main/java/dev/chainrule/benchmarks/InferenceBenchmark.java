package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.inference.Predictor;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference with the seed network on a batch of 1 and of 1024 rows, on each backend, through a {@link Predictor} as an
 * application calls it: {@code float} rows in, the softmax probabilities written into the caller's array, the
 * predictor's buffers kept from call to call.
 */
@State(Scope.Thread)
public class InferenceBenchmark {

    /** The backend's registry name. */
    @Param({"plain", "nd4j"})
    public String backend;

    /** Rows per prediction. */
    @Param({"1", "1024"})
    public int batch;

    private Predictor predictor;
    private float[] rows;
    private float[] outputs;

    /** Builds the network, its predictor and a batch of random pixels. */
    @Setup
    public void setUp() {
        predictor = Predictor.of(SeedNetwork.build(Chainrule.create(backend)), batch, 1);
        rows = SeedNetwork.pixels(batch, 5);
        outputs = new float[batch * SeedNetwork.CLASSES];
    }

    /** The network's outputs (softmax probabilities) for the batch. */
    @Benchmark
    public float[] predict() {
        return batch == 1 ? predictor.predict(rows, outputs) : predictor.predictRows(rows, outputs);
    }
}

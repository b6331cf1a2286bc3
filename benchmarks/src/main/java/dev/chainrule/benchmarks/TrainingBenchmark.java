package dev.chainrule.benchmarks;

import dev.chainrule.core.Chainrule;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training epochs of the seed network ({@link SeedNetwork}) through {@code Trainer.fit} on Fashion-MNIST's 60,000
 * training rows in batches of 128 (469 steps an epoch), with SGD and with Adam, on each backend. One invocation trains
 * {@value #EPOCHS} epochs and counts as that many operations, so the score is the time of one epoch; the upload of the
 * data set to the backend, once per {@code fit}, is shared among them.
 */
@State(Scope.Benchmark)
public class TrainingBenchmark {

    /** Epochs per invocation. */
    static final int EPOCHS = 2;

    /** The backend's registry name. */
    @Param({"plain", "nd4j"})
    public String backend;

    /** {@code sgd} or {@code adam} ({@link SeedNetwork#optimizer}). */
    @Param({"sgd", "adam"})
    public String optimizer;

    private Chainrule chainrule;
    private Network network;
    private Dataset data;
    private TrainingConfig config;

    /** Loads the data and builds the network. */
    @Setup
    public void setUp() {
        chainrule = Chainrule.create(backend);
        network = SeedNetwork.build(chainrule);
        data = BenchmarkData.load().training();
        config = chainrule.training(SeedNetwork.LOSS, SeedNetwork.optimizer(optimizer)).epochs(EPOCHS)
                .batchSize(SeedNetwork.BATCH).seed(3).build();
    }

    /** {@value #EPOCHS} epochs. */
    @Benchmark
    @OperationsPerInvocation(EPOCHS)
    public TrainingHistory epochs() {
        return chainrule.trainer().fit(network, data, config);
    }
}

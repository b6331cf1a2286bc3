package dev.chainrule.integration;

import dev.chainrule.core.network.FeatureShape;
import dev.chainrule.core.network.Network;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.TensorBackend;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.training.Checkpoints;
import dev.chainrule.core.training.Dataset;
import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.core.training.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JVM that {@link KilledTrainingTest} kills: trains on the plain backend, resuming from the newest checkpoint in
 * its folder, and saves a checkpoint after every batch; writes {@code training} when it starts training and {@code done}
 * when training has finished.
 */
public final class CheckpointingChild {

    /** The file the child writes when its training starts. */
    static final String TRAINING = "training";

    private CheckpointingChild() {
    }

    /** {@code args[0]}: the checkpoint folder. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Checkpoints checkpoints = new Checkpoints(folder, 3);
        checkpoints.removeStaleTemporaries();
        TrainingSession[] session = new TrainingSession[1];
        TrainingListener saver = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchResult result) {
                try {
                    checkpoints.save(session[0], Map.of("batch", Integer.toString(result.batch())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        session[0] = session(List.of(saver));
        if (!Checkpoints.list(folder).isEmpty()) {
            Checkpoints.resume(session[0], folder);
        }
        Files.writeString(folder.resolve(TRAINING), "training");
        if (!session[0].finished()) {
            session[0].fit(DatasetSource.of(data()));
        }
        Files.writeString(folder.resolve("done"), "done");
    }

    static TrainingSession session(List<TrainingListener> listeners) {
        TrainingConfig.Builder config = TrainingConfig.builder(
                Registries.PLUGINS.losses().create("categorical_cross_entropy"),
                Registries.PLUGINS.optimizers().create("adam(lr=0.01)")).epochs(3).batchSize(16).seed(3);
        listeners.forEach(config::listener);
        return new TrainingSession(network(), config.build());
    }

    static TensorBackend backend() {
        return Registries.PLUGINS.backends().entry("plain").plugin();
    }

    static Network network() {
        return Registries.networkBuilder(backend(), FeatureShape.flat(32)).dtype(DType.FLOAT64).seed(8)
                .dense(256, "tanh").layer("dropout(rate=0.1)").dense(128, "relu").dense(4, "softmax").build();
    }

    static Dataset data() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(12);
        double[][] x = new double[192][32];
        double[][] y = new double[192][4];
        for (int r = 0; r < x.length; r++) {
            int label = r % 4;
            for (int c = 0; c < 32; c++) {
                x[r][c] = (c % 4 == label ? 1 : 0) + random.nextDouble() - 0.5;
            }
            y[r][label] = 1;
        }
        return Dataset.of(x, y);
    }
}

package dev.chainrule.integration;

import dev.chainrule.core.training.DatasetSource;
import dev.chainrule.core.training.TrainingSession;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM that {@link SameBitsInEveryJvmTest} starts with other JIT and kernel settings: trains
 * {@link CheckpointingChild}'s session without interruption and writes its parameters' bits to a file.
 */
public final class TrainingInAnotherJvm {

    private TrainingInAnotherJvm() {
    }

    /** {@code args[0]}: the file that receives the parameters, one {@code double} after another. */
    public static void main(String[] args) throws IOException {
        TrainingSession session = CheckpointingChild.session(List.of());
        session.fit(DatasetSource.of(CheckpointingChild.data()));
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            for (double value : session.parameterValues()) {
                out.writeDouble(value);
            }
        }
    }
}

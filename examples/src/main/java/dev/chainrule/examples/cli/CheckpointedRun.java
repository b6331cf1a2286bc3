package dev.chainrule.examples.cli;

import dev.chainrule.core.data.BatchSource;
import dev.chainrule.core.training.BatchResult;
import dev.chainrule.core.io.Checkpoints;
import dev.chainrule.core.training.TrainingConfig;
import dev.chainrule.core.training.TrainingHistory;
import dev.chainrule.core.training.TrainingListener;
import dev.chainrule.core.training.TrainingSession;
import dev.chainrule.core.network.Network;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code train}'s loop over a {@link TrainingSession}: removes the temporary files that a run killed while saving left
 * in the checkpoint folder, resumes from a checkpoint when asked, saves checkpoints every N batches or epochs, and on
 * Ctrl-C (SIGINT) stops after the current batch, saves a checkpoint and reports it; the JVM then exits with 130, the
 * shell's code for an interrupt.
 */
final class CheckpointedRun {

    /** Exit code after an interrupt: 128 + SIGINT. */
    static final int INTERRUPTED = 130;

    private final CheckpointOptions options;
    private final Path folder;
    private final Map<String, String> metadata;
    private final PrintWriter out;

    CheckpointedRun(CheckpointOptions options, Path outDir, Map<String, String> metadata, PrintWriter out) {
        this.options = options;
        this.folder = CheckpointOptions.folder(outDir);
        this.metadata = metadata;
        this.out = out;
    }

    /** The outcome: the history, and whether the run was interrupted (a checkpoint then holds it). */
    record Outcome(TrainingHistory history, boolean interrupted) {
    }

    /** Trains {@code network} on {@code source}; {@code config}'s listeners see every batch as in a plain fit. */
    Outcome train(Network network, TrainingConfig.Builder config, BatchSource source) throws IOException {
        Optional<CheckpointOptions.Every> every = options.every();
        Checkpoints checkpoints = new Checkpoints(folder, options.keep);
        checkpoints.removeStaleTemporaries();
        TrainingSession[] holder = new TrainingSession[1];
        every.filter(e -> !e.epochs()).ifPresent(e -> config.listener(new TrainingListener() {
            @Override
            public void onBatchEnd(BatchResult result) {
                if (holder[0].optimizerSteps() % e.count() == 0) {
                    save(checkpoints, holder[0]);
                }
            }
        }));
        TrainingSession session = UsageException.check(() -> new TrainingSession(network, config.build()));
        holder[0] = session;
        if (options.resume != null) {
            Checkpoints.Resumed resumed = Checkpoints.resume(session, options.resume);
            resumed.skipped().forEach(reason -> out.println("warning: skipped " + reason + "; resuming from "
                    + resumed.file() + " instead"));
            requireSameData(resumed.metadata());
            out.printf("resuming %s at epoch %d, batch %d (step %d)%n", resumed.file(), session.currentEpoch(),
                    session.batchInEpoch() + 1, session.optimizerSteps());
        }
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.requestStop();
            try {
                saved.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chainrule-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!session.finished()) {
                boolean completed = session.epoch(source).isPresent();
                if (session.stopRequested()) {
                    Path file = checkpoints.save(session, metadata);
                    String where = session.batchInEpoch() == 0 ? "after epoch " + (session.currentEpoch() - 1)
                            : "in epoch " + session.currentEpoch() + " after batch " + session.batchInEpoch();
                    out.printf("interrupted: stopped %s; saved %s. Continue with: train <the same options> --resume "
                            + "%s%n", where, file, file);
                    out.flush();
                    return new Outcome(session.history(), true);
                }
                if (completed && every.isPresent() && every.get().epochs()
                        && (session.currentEpoch() - 1) % every.get().count() == 0) {
                    save(checkpoints, session);
                }
            }
            return new Outcome(session.history(), false);
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the interrupt's own shutdown: the hook has already run
            }
        }
    }

    private void save(Checkpoints checkpoints, TrainingSession session) {
        try {
            checkpoints.save(session, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkpoint's preprocessing and data must be this run's, or resuming would train on other numbers. */
    private void requireSameData(Map<String, String> saved) {
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String value = saved.get(entry.getKey());
            if (!entry.getValue().equals(value)) {
                throw new UsageException("the checkpoint was taken with another " + entry.getKey() + " (" + value
                        + ") than this run's (" + entry.getValue() + "); resume with the options and data of that run");
            }
        }
    }
}

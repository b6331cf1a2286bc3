package dev.chainrule.examples.cli;

import java.nio.file.Path;

/** Small models trained once per test class through the tool. */
final class Models {

    private Models() {
    }

    /** Trains a tiny iris classifier into {@code folder} and returns the model file. */
    static Path iris(Path folder) {
        Cli.run("train", "--dataset", "iris", "--layers", "6:tanh,5:sigmoid,4:relu", "--epochs", "20",
                "--batch-size", "8", "--optimizer", "adam(lr=0.02)", "--out-dir", folder.toString()).succeeded();
        return folder.resolve("model.crm");
    }

    /** Trains a tiny diabetes regression into {@code folder} and returns the model file. */
    static Path diabetes(Path folder) {
        Cli.run("train", "--dataset", "diabetes", "--layers", "6:tanh", "--epochs", "10", "--out-dir",
                folder.toString()).succeeded();
        return folder.resolve("model.crm");
    }
}

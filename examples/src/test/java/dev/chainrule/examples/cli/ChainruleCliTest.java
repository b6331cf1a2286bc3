package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChainruleCliTest {

    @Test
    void withoutACommandItShowsTheUsageAndExitsWithTwo() {
        Cli.Run run = Cli.run().failed(2);
        assertTrue(run.err().contains("Usage: chainrule"), run.err());
        assertTrue(run.err().contains("Exit codes:"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "evaluate", "predict", "explain", "gradcheck", "plugins"})
    void everyCommandHasHelp(String command) {
        Cli.Run run = Cli.run(command, "--help").succeeded();
        assertTrue(run.out().startsWith("Usage: chainrule " + command), run.out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        Cli.Run run = Cli.run("trian").failed(2);
        assertTrue(run.err().contains("Unmatched argument") && run.err().contains("train"), run.err());
    }

    @Test
    void printsItsVersion() {
        assertTrue(Cli.run("--version").succeeded().out().startsWith("chainrule "));
    }
}

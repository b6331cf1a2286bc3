package dev.chainrule.examples.cli;

import dev.chainrule.core.tensor.MemorySize;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chainrule} command-line tool: train, evaluate and explain networks, predict with them, check gradients
 * and list plugins. Exit codes: 0 success, 1 failure, 2 bad usage.
 */
@Command(name = "chainrule", mixinStandardHelpOptions = true, version = "chainrule 0.1.0",
        description = "Trains neural networks by backpropagation with pluggable activations, losses, optimizers and "
                + "tensor backends.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExplainCommand.class,
            GradcheckCommand.class, PluginsCommand.class, ExportCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (missing or corrupt file, bad data, diverged training)",
            "2:bad usage (unknown option or plugin, malformed value)"})
public final class ChainruleCli implements java.util.concurrent.Callable<Integer> {

    private final InputStream in;
    private final boolean interactive;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * A tool that reads standard input from {@code in}.
     *
     * @param interactive whether output goes to a terminal, which gets a live progress bar
     */
    public ChainruleCli(InputStream in, boolean interactive) {
        this.in = in;
        this.interactive = interactive;
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(new ChainruleCli(System.in, System.console() != null), out, err, args));
    }

    /** Runs the tool with the given streams and returns its exit code; nothing is printed to System.out. */
    public static int execute(ChainruleCli cli, PrintWriter out, PrintWriter err, String... args) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(cli)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory: this JVM may use " + MemorySize.format(Runtime.getRuntime().maxMemory())
                    + " (-Xmx) and the command needed more; raise -Xmx, or use fewer rows (--limit) or smaller layers");
            code = ErrorHandler.FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Standard input, for commands that read rows from it. */
    InputStream in() {
        return in;
    }

    /** Whether output goes to a terminal. */
    boolean interactive() {
        return interactive;
    }

    /** Without a command: the usage, on the error stream, and exit code 2. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: name a command, for example 'chainrule train'");
        spec.commandLine().usage(err);
        return ErrorHandler.USAGE;
    }
}

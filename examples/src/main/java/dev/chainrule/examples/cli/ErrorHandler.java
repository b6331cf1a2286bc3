package dev.chainrule.examples.cli;

import dev.chainrule.core.training.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns what went wrong into one clear message and an exit code: 2 for bad usage (picocli's parse errors and
 * {@link UsageException}), 1 for a failure (a missing or corrupt file, bad data, a diverged run). Only an unexpected
 * exception, a bug, prints a stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Exit code of a failure. */
    static final int FAILURE = 1;
    /** Exit code of bad usage. */
    static final int USAGE = 2;

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int code = FAILURE;
        if (exception instanceof UsageException) {
            err.println("error: " + exception.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            code = USAGE;
        } else if (exception instanceof NoSuchFileException missing) {
            err.println("error: no such file: " + missing.getFile());
        } else if (exception instanceof AccessDeniedException denied) {
            err.println("error: permission denied: " + denied.getFile());
        } else if (exception instanceof IOException || exception instanceof UncheckedIOException
                || exception instanceof IllegalArgumentException || exception instanceof IllegalStateException
                || exception instanceof TrainingDivergedException) {
            err.println("error: " + describe(exception));
        } else {
            err.println("internal error (please report it): " + exception);
            exception.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String describe(Exception exception) {
        Throwable cause = exception instanceof UncheckedIOException ? exception.getCause() : exception;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return String.valueOf(cause.getMessage());
    }
}

/**
 * The {@code chainrule} command-line tool: {@link dev.chainrule.examples.cli.ChainruleCli} and one picocli command per
 * subcommand (train, evaluate, predict, explain, gradcheck, plugins), with the options, data handling, reports and
 * charts they share. Only the tool prints; everything it prints goes to the streams it is given.
 */
package dev.chainrule.examples.cli;

package dev.kiln.examples;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A {@code kiln} command that only groups subcommands: run alone, it is a usage error that lists them. */
abstract class CommandGroup extends CliCommand {
  @Override
  final void run() {
    throw missingSubcommand(spec);
  }

  static ParameterException missingSubcommand(CommandSpec spec) {
    return new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}

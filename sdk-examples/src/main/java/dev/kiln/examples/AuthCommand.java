package dev.kiln.examples;

import picocli.CommandLine.Command;

/** {@code kiln auth describe}: how the workspace and credentials were resolved, and from where. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Sign-in: see how Kiln resolves the workspace and credentials.",
    subcommands = AuthCommand.Describe.class)
final class AuthCommand extends CommandGroup {
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = {
          "Prints every setting with where it came from (environment variable or profile), secrets masked, the auth",
          "method chosen and why, and the proxy. Sends nothing. Example: kiln --profile prod auth describe"
      })
  static final class Describe extends CliCommand {
    @Override
    void run() {
      out().println(config().describe());
      out().flush();
    }
  }
}

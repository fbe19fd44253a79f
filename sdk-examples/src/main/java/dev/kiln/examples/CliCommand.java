package dev.kiln.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.Json;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every {@code kiln} subcommand shares: the global options, the streams, the formatter, the connection. */
abstract class CliCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  final KilnCli root() {
    return (KilnCli) spec.root().userObject();
  }

  final PrintStream out() {
    return root().out;
  }

  /** Progress and errors; never the command's data. */
  final PrintStream err() {
    return root().err;
  }

  final CliEnvironment environment() {
    return root().environment;
  }

  final OutputFormatter.Format format() {
    return root().output;
  }

  final OutputFormatter formatter() {
    return new OutputFormatter(format());
  }

  /** The workspace of {@code --host}/{@code --profile}, the environment or the default profile, as configured. */
  final DatabricksConfig config() {
    return environment().config(root().host, root().profile);
  }

  /** A client for that workspace; the caller closes it. */
  final DatabricksClient connect() {
    return environment().connect(root().host, root().profile);
  }

  final void print(Table table) {
    out().print(formatter().render(table));
    if (format() == OutputFormatter.Format.TABLE) {
      out().println("(" + table.size() + (table.size() == 1 ? " row)" : " rows)"));
    }
    out().flush();
  }

  /** A model object (or tree) as pretty JSON, through the SDK's own mapper. */
  final void printJson(Object value) {
    JsonNode node = value instanceof JsonNode ? (JsonNode) value : Json.mapper().valueToTree(value);
    out().print(OutputFormatter.json(node));
    out().flush();
  }

  final ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  public final Integer call() throws Exception {
    run();
    return 0;
  }

  abstract void run() throws Exception;
}

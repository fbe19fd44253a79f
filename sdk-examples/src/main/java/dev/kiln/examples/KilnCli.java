package dev.kiln.examples;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.InvalidRequestException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code kiln}: the five Databricks APIs from a terminal, one subcommand per task. Each subcommand makes one or
 * two SDK calls and prints the result through the shared {@link OutputFormatter}.
 *
 * <p>Exit codes: 0 success; 1 an API, statement or configuration failure (a line on stderr starting with the
 * error code); 2 a usage error (bad or missing arguments, or a request the SDK rejects before sending it).
 */
@Command(
    name = "kiln",
    mixinStandardHelpOptions = true,
    versionProvider = KilnCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Kiln: SQL, execution contexts, model serving, vector search and Genie from a terminal.",
        "Connects with DATABRICKS_HOST and DATABRICKS_TOKEN (or any unified-auth method: OAuth, Azure CLI/MSI, "
            + "`databricks auth login`, DATABRICKS_AUTH_TYPE), else the ~/.databrickscfg profile; `kiln auth describe` "
            + "shows what was resolved. Try it without an account: `kiln tour`, or `kiln emulator` in another terminal."
    },
    subcommands = {
        SqlCommand.class,
        ExecCommand.class,
        ClustersCommand.class,
        WarehousesCommand.class,
        ServingCommand.class,
        VsCommand.class,
        GenieCommand.class,
        FsCommand.class,
        WorkspaceCommand.class,
        EmulatorCommand.class,
        TourCommand.class,
        AuthCommand.class,
        CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  API, statement or configuration failure (stderr: the error code, then the message)",
        "  2  usage error"
    })
public final class KilnCli implements Callable<Integer> {
  /** Global options: accepted before or after the subcommand. */
  @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "table|json|csv", defaultValue = "table",
      converter = FormatConverter.class,
      description = "Output format: table (default), json or csv.")
  OutputFormatter.Format output = OutputFormatter.Format.TABLE;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Profile of ~/.databrickscfg (or DATABRICKS_CONFIG_FILE) to use.")
  String profile;

  @Option(names = "--host", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Workspace URL; the token still comes from DATABRICKS_TOKEN or the profile.")
  String host;

  @Spec
  CommandSpec spec;

  final CliEnvironment environment;
  final PrintStream out;
  final PrintStream err;

  KilnCli(CliEnvironment environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs {@code kiln args} on the real environment, stdout and stderr; returns the exit code. */
  public static int execute(String... args) {
    return execute(CliEnvironment.system(), System.out, System.err, args);
  }

  /** Runs {@code kiln args} with the given environment and streams; returns the exit code. */
  public static int execute(CliEnvironment environment, PrintStream out, PrintStream err, String... args) {
    return commandLine(environment, out, err).execute(args);
  }

  /** The configured picocli command line (exposed for tests and tools). */
  public static CommandLine commandLine(CliEnvironment environment, PrintStream out, PrintStream err) {
    KilnCli root = new KilnCli(environment, out, err);
    CommandLine cli = new CommandLine(root);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(KilnCli::usageError);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable failure = Futures.unwrap(e);
      if (failure instanceof ParameterException) {
        return commandLine.getParameterExceptionHandler()
            .handleParseException((ParameterException) failure, parseResult.originalArgs().toArray(new String[0]));
      }
      if (failure instanceof TourCommand.TourFailed) {
        return commandLine.getCommandSpec().exitCodeOnExecutionException(); // the tour reported its failures
      }
      err.println("kiln: " + Errors.describe(failure));
      err.flush();
      if (failure instanceof InvalidRequestException) {
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
      }
      return commandLine.getCommandSpec().exitCodeOnExecutionException();
    });
    return cli;
  }

  /** A usage error: the message, suggestions for a mistyped name, and where to find help; exit code 2. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("kiln: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println("Usage: " + cmd.getHelp().synopsis(0).trim());
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** {@code kiln} alone: a usage error that lists the subcommands. */
  @Override
  public Integer call() {
    throw CommandGroup.missingSubcommand(spec);
  }

  /** Picks the format from its name in any case, listing the valid ones otherwise. */
  static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormatter.Format> {
    @Override
    public OutputFormatter.Format convert(String value) {
      try {
        return OutputFormatter.Format.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not an output format: use table, json or csv");
      }
    }
  }

  /** The SDK version, from sdk-core's build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      Properties p = new Properties();
      try (InputStream in = KilnCli.class.getResourceAsStream("/dev/kiln/core/kiln-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kiln " + p.getProperty("version", "unknown") + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}

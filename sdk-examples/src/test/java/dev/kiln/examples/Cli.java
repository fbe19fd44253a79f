package dev.kiln.examples;

import dev.kiln.emulator.LocalWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code kiln} in-process with captured stdout/stderr and an environment the test controls: the token travels
 * as {@code DATABRICKS_TOKEN} in a map (never on the command line, never printed), the home directory is a temp
 * dir, so a developer's own {@code ~/.databrickscfg} or variables never reach the tests.
 */
final class Cli {
  /** What one run produced. */
  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Map<String, String> env;
  private final Path home;
  private final List<String> prefix;
  private CliEnvironment.Foreground foreground;

  private Cli(Map<String, String> env, Path home, List<String> prefix) {
    this.env = env;
    this.home = home;
    this.prefix = prefix;
  }

  /** No workspace configured at all. */
  static Cli unconfigured(Path home) {
    return new Cli(new HashMap<>(), home, List.of());
  }

  /** Pointed at {@code ws}: {@code --host} on the command line, the token in the environment. */
  static Cli against(LocalWorkspace ws, Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABRICKS_TOKEN", ws.token());
    return new Cli(env, home, List.of("--host", ws.host()));
  }

  Cli withEnv(String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    Cli cli = new Cli(copy, home, prefix);
    cli.foreground = foreground;
    return cli;
  }

  Cli withForeground(CliEnvironment.Foreground foreground) {
    Cli cli = new Cli(env, home, prefix);
    cli.foreground = foreground;
    return cli;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(prefix);
    all.addAll(Arrays.asList(args));
    CliEnvironment environment = CliEnvironment.of(env, home);
    if (foreground != null) {
      environment = environment.withForeground(foreground);
    }
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = KilnCli.execute(environment, o, e, all.toArray(new String[0]));
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

package dev.kiln.examples;

import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.emulator.LocalWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * What the CLI reads from outside its arguments: environment variables (credentials never come from the
 * command line), the home directory holding {@code .databrickscfg}, and how {@code kiln emulator} waits in the
 * foreground. Tests pass their own, e.g. {@code CliEnvironment.of(Map.of("DATABRICKS_TOKEN", ws.token()), tmp)},
 * so a developer's real configuration never leaks into them and no secret is ever printed.
 */
public final class CliEnvironment {
  /** How {@code kiln emulator} stays in the foreground; the default waits until the process is stopped. */
  @FunctionalInterface
  public interface Foreground {
    void await(LocalWorkspace workspace) throws InterruptedException;
  }

  private final Map<String, String> variables;
  private final Path home;
  private final Foreground foreground;

  private CliEnvironment(Map<String, String> variables, Path home, Foreground foreground) {
    this.variables = Map.copyOf(variables);
    this.home = Objects.requireNonNull(home, "home");
    this.foreground = Objects.requireNonNull(foreground, "foreground");
  }

  /** The process environment and its home directory, found as core finds it ({@code HOME}, else {@code user.home}). */
  public static CliEnvironment system() {
    return of(System.getenv());
  }

  /** These variables, with the home directory they name ({@link ConfigEnvironment#homeOf}). */
  public static CliEnvironment of(Map<String, String> variables) {
    return of(variables, ConfigEnvironment.homeOf(variables));
  }

  public static CliEnvironment of(Map<String, String> variables, Path home) {
    return new CliEnvironment(variables, home, ws -> new CountDownLatch(1).await());
  }

  public CliEnvironment withForeground(Foreground foreground) {
    return new CliEnvironment(variables, home, foreground);
  }

  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** The first of {@code names} that is set. */
  public Optional<String> first(List<String> names) {
    return names.stream().map(this::get).flatMap(Optional::stream).findFirst();
  }

  Foreground foreground() {
    return foreground;
  }

  /**
   * Whether a real workspace is configured: {@code --host} or {@code --profile} given, {@code DATABRICKS_HOST} or
   * {@code DATABRICKS_CONFIG_PROFILE} set, or a {@code [DEFAULT]} profile or a {@code default_profile} (in
   * {@code [__settings__]}) in the config file.
   */
  public boolean workspaceConfigured(String host, String profile) {
    if (host != null || profile != null || get("DATABRICKS_HOST").isPresent()
        || get("DATABRICKS_CONFIG_PROFILE").isPresent()) {
      return true;
    }
    Path file = ConfigEnvironment.of(variables, home).configFile();
    try {
      return Files.isRegularFile(file)
          && Files.readAllLines(file).stream().map(String::trim)
              .anyMatch(line -> line.equals("[DEFAULT]") || line.replace(" ", "").startsWith("default_profile="));
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** Host and credentials as {@code DatabricksConfig} resolves them, with {@code host} (if given) winning. */
  public DatabricksConfig config(String host, String profile) {
    Map<String, String> vars = new HashMap<>(variables);
    if (host != null) {
      vars.put("DATABRICKS_HOST", host);
    }
    return DatabricksConfig.load(vars, home, profile);
  }

  /** A client for the configured workspace; the caller closes it. */
  public DatabricksClient connect(String host, String profile) {
    return DatabricksClient.builder().config(config(host, profile)).userAgentSuffix("kiln-cli").build();
  }

  @Override
  public String toString() {
    return "CliEnvironment[home=" + home + ", " + variables.size() + " variables]"; // never the values
  }
}

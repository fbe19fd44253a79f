package dev.kiln.core;

import dev.kiln.core.auth.Browser;
import dev.kiln.core.auth.ProcessRunner;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything outside the program that configuration and sign-in read: environment variables, the home
 * directory (for {@code ~/.databrickscfg} and Kiln's token cache), the executable search path (for
 * {@code az} and {@code databricks}), how processes are run, the browser and the Azure metadata
 * endpoint. {@link #system()} is the real process; tests build their own so they never read or change it.
 */
public final class ConfigEnvironment {
  /** Where Azure VMs answer managed identity token requests. */
  public static final URI AZURE_IMDS = URI.create("http://169.254.169.254");

  private final Map<String, String> variables;
  private final Path home;
  private final List<Path> searchPath;
  private final ProcessRunner processRunner;
  private final Browser browser;
  private final Clock clock;
  private final URI azureImdsEndpoint;
  private final URI azureLoginEndpoint;
  private final Duration commandTimeout;
  private final int oauthRedirectPort;
  private final Duration browserLoginTimeout;

  private ConfigEnvironment(Builder b) {
    this.variables = Collections.unmodifiableMap(new java.util.HashMap<>(b.variables));
    this.home = b.home;
    this.searchPath = b.searchPath != null ? List.copyOf(b.searchPath) : splitPath(variables);
    this.processRunner = b.processRunner;
    this.browser = b.browser;
    this.clock = b.clock;
    this.azureImdsEndpoint = b.azureImdsEndpoint;
    this.azureLoginEndpoint = b.azureLoginEndpoint;
    this.commandTimeout = b.commandTimeout;
    this.oauthRedirectPort = b.oauthRedirectPort;
    this.browserLoginTimeout = b.browserLoginTimeout;
  }

  /** The process environment, its home ({@link #homeOf}), {@code PATH}, real processes. */
  public static ConfigEnvironment system() {
    Map<String, String> env = System.getenv();
    return builder(env, homeOf(env)).build();
  }

  /**
   * The home directory of a process with these variables: {@code HOME} when set (as the official SDKs read it),
   * else the JVM's {@code user.home}.
   */
  public static Path homeOf(Map<String, String> variables) {
    String home = variables.get("HOME");
    return home != null && !home.isBlank() ? Paths.get(home.strip()) : Paths.get(System.getProperty("user.home"));
  }

  /** The given variables and home; the search path is their {@code PATH}; other parts as {@link #system()}. */
  public static ConfigEnvironment of(Map<String, String> variables, Path home) {
    return builder(variables, home).build();
  }

  /**
   * A builder over the given environment variables and home directory (neither null); everything
   * else starts as in {@link #system()}, with the search path taken from {@code variables}'
   * {@code PATH}.
   */
  public static Builder builder(Map<String, String> variables, Path home) {
    return new Builder(variables, home);
  }

  /** A builder holding this environment's settings, to change one or two of them. */
  public Builder toBuilder() {
    Builder b = new Builder(variables, home);
    b.searchPath = searchPath;
    b.processRunner = processRunner;
    b.browser = browser;
    b.clock = clock;
    b.azureImdsEndpoint = azureImdsEndpoint;
    b.azureLoginEndpoint = azureLoginEndpoint;
    b.commandTimeout = commandTimeout;
    b.oauthRedirectPort = oauthRedirectPort;
    b.browserLoginTimeout = browserLoginTimeout;
    return b;
  }

  /** A variable's value, stripped; empty when unset or blank. */
  public Optional<String> get(String name) {
    String v = variables.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** All environment variables, unmodifiable. Never logged: they may hold tokens and secrets. */
  public Map<String, String> variables() {
    return variables;
  }

  /** The home directory: where {@code ~/.databrickscfg} and Kiln's token cache are looked for. */
  public Path home() {
    return home;
  }

  /**
   * The profile file configuration reads: {@code DATABRICKS_CONFIG_FILE} (a leading {@code ~} is this home), else
   * {@code .databrickscfg} in this home. It may not exist.
   */
  public Path configFile() {
    return get("DATABRICKS_CONFIG_FILE").map(this::expandHome).orElse(home.resolve(".databrickscfg"));
  }

  private Path expandHome(String file) {
    if (file.equals("~")) {
      return home;
    }
    return file.startsWith("~/") ? home.resolve(file.substring(2)) : Paths.get(file);
  }

  /** Directories searched for {@code az} and {@code databricks}, in order. */
  public List<Path> searchPath() {
    return searchPath;
  }

  /** How {@code az} and {@code databricks} are run; {@link ProcessRunner#system()} by default. */
  public ProcessRunner processRunner() {
    return processRunner;
  }

  /** How the {@code external-browser} login opens its URL; {@link Browser#system()} by default. */
  public Browser browser() {
    return browser;
  }

  /** Reads the expiry of tokens the CLIs print (their local times are read in this clock's zone). */
  public Clock clock() {
    return clock;
  }

  /**
   * Base URL of the Azure Instance Metadata Service asked for managed identity tokens;
   * {@link #AZURE_IMDS} by default.
   */
  public URI azureImdsEndpoint() {
    return azureImdsEndpoint;
  }

  /**
   * The Azure AD login endpoint used by {@code azure-client-secret};
   * {@code https://login.microsoftonline.com/} by default.
   */
  public URI azureLoginEndpoint() {
    return azureLoginEndpoint;
  }

  /** Longest run of {@code az} or {@code databricks} before it is stopped. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** Port of the {@code external-browser} redirect listener on 127.0.0.1 (0: any free port). */
  public int oauthRedirectPort() {
    return oauthRedirectPort;
  }

  /** Longest wait for the browser to come back with the authorization code. */
  public Duration browserLoginTimeout() {
    return browserLoginTimeout;
  }

  private static List<Path> splitPath(Map<String, String> variables) {
    String p = variables.get("PATH");
    if (p == null) {
      p = variables.get("Path"); // Windows spells it so
    }
    List<Path> out = new ArrayList<>();
    if (p != null) {
      for (String dir : p.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          try {
            out.add(Paths.get(dir.strip()));
          } catch (RuntimeException invalid) {
            // an unusable PATH entry is skipped, as shells do
          }
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ConfigEnvironment[home=" + home + ", " + variables.size() + " variables]"; // never the values
  }

  /** Builder for {@link ConfigEnvironment}. */
  public static final class Builder {
    private final Map<String, String> variables;
    private final Path home;
    private List<Path> searchPath;
    private ProcessRunner processRunner = ProcessRunner.system();
    private Browser browser = Browser.system();
    private Clock clock = Clock.systemDefaultZone();
    private URI azureImdsEndpoint = AZURE_IMDS;
    private URI azureLoginEndpoint = URI.create("https://login.microsoftonline.com/");
    private Duration commandTimeout = Duration.ofSeconds(30);
    private int oauthRedirectPort = 8020;
    private Duration browserLoginTimeout = Duration.ofMinutes(5);

    private Builder(Map<String, String> variables, Path home) {
      this.variables = Objects.requireNonNull(variables, "variables");
      this.home = Objects.requireNonNull(home, "home");
    }

    /** Replaces the directories taken from {@code PATH}. */
    public Builder searchPath(List<Path> value) {
      this.searchPath = Objects.requireNonNull(value, "searchPath");
      return this;
    }

    /** Replaces how {@code az} and {@code databricks} are run (tests answer with canned output). */
    public Builder processRunner(ProcessRunner value) {
      this.processRunner = Objects.requireNonNull(value, "processRunner");
      return this;
    }

    /** Replaces how a login URL is opened (tests follow it themselves). */
    public Builder browser(Browser value) {
      this.browser = Objects.requireNonNull(value, "browser");
      return this;
    }

    /**
     * Replaces the clock used to read token expiry times; the system default zone's clock by
     * default.
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The Azure Instance Metadata Service base URL (tests point it at 127.0.0.1). */
    public Builder azureImdsEndpoint(URI value) {
      this.azureImdsEndpoint = Objects.requireNonNull(value, "azureImdsEndpoint");
      return this;
    }

    /** The Azure AD login endpoint for {@code azure-client-secret} (sovereign clouds, tests). */
    public Builder azureLoginEndpoint(URI value) {
      this.azureLoginEndpoint = Objects.requireNonNull(value, "azureLoginEndpoint");
      return this;
    }

    /**
     * Sets the longest run of {@code az} or {@code databricks}; 30 seconds by default.
     *
     * @throws IllegalArgumentException when {@code value} is null, zero or negative
     */
    public Builder commandTimeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("commandTimeout must be positive, was " + value);
      }
      this.commandTimeout = value;
      return this;
    }

    /**
     * Sets the port of the {@code external-browser} redirect listener; 8020 by default, 0 for any
     * free port.
     *
     * @throws IllegalArgumentException outside 0..65535
     */
    public Builder oauthRedirectPort(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("oauthRedirectPort must be 0..65535, was " + value);
      }
      this.oauthRedirectPort = value;
      return this;
    }

    /**
     * Sets how long a browser login may take before it fails; 5 minutes by default.
     *
     * @throws IllegalArgumentException when {@code value} is null, zero or negative
     */
    public Builder browserLoginTimeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("browserLoginTimeout must be positive, was " + value);
      }
      this.browserLoginTimeout = value;
      return this;
    }

    /** The immutable environment. */
    public ConfigEnvironment build() {
      return new ConfigEnvironment(this);
    }
  }
}

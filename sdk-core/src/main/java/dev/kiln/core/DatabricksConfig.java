package dev.kiln.core;

import dev.kiln.core.auth.Credentials;
import dev.kiln.core.auth.CredentialsProvider;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.internal.Hosts;
import dev.kiln.core.internal.ProfileFile;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where to connect and as whom, resolved from environment variables and the {@code ~/.databrickscfg}
 * profile. Each setting is taken from the environment when set there, otherwise from the profile
 * ({@code DATABRICKS_CONFIG_PROFILE}, else {@code DEFAULT}) of the file at
 * {@code DATABRICKS_CONFIG_FILE} (else {@code ~/.databrickscfg}).
 *
 * <p>Credentials are chosen from the merged settings in this order:
 * <ol>
 *   <li>{@code token} ({@code DATABRICKS_TOKEN}): personal access token;</li>
 *   <li>{@code client_id} + {@code client_secret} ({@code DATABRICKS_CLIENT_ID}/{@code _SECRET}): OAuth M2M;</li>
 *   <li>{@code azure_tenant_id} + {@code azure_client_id} + {@code azure_client_secret}
 *       ({@code ARM_TENANT_ID}/{@code ARM_CLIENT_ID}/{@code ARM_CLIENT_SECRET}, or {@code DATABRICKS_AZURE_*}):
 *       Azure service principal.</li>
 * </ol>
 */
public final class DatabricksConfig {
  /** Profile key → environment variables that set it, first match wins. */
  private static final Map<String, List<String>> ENV_KEYS = new LinkedHashMap<>();

  static {
    ENV_KEYS.put("host", List.of("DATABRICKS_HOST"));
    ENV_KEYS.put("token", List.of("DATABRICKS_TOKEN"));
    ENV_KEYS.put("client_id", List.of("DATABRICKS_CLIENT_ID"));
    ENV_KEYS.put("client_secret", List.of("DATABRICKS_CLIENT_SECRET"));
    ENV_KEYS.put("azure_tenant_id", List.of("ARM_TENANT_ID", "DATABRICKS_AZURE_TENANT_ID"));
    ENV_KEYS.put("azure_client_id", List.of("ARM_CLIENT_ID", "DATABRICKS_AZURE_CLIENT_ID"));
    ENV_KEYS.put("azure_client_secret", List.of("ARM_CLIENT_SECRET", "DATABRICKS_AZURE_CLIENT_SECRET"));
    ENV_KEYS.put("warehouse_id", List.of("DATABRICKS_WAREHOUSE_ID"));
    ENV_KEYS.put("cluster_id", List.of("DATABRICKS_CLUSTER_ID"));
  }

  private final URI host;
  private final CredentialsProvider credentials;
  private final String warehouseId;
  private final String clusterId;
  private final String profile;

  private DatabricksConfig(URI host, CredentialsProvider credentials, String warehouseId, String clusterId, String profile) {
    this.host = host;
    this.credentials = credentials;
    this.warehouseId = warehouseId;
    this.clusterId = clusterId;
    this.profile = profile;
  }

  /** From the process environment and the user's home directory. */
  public static DatabricksConfig fromEnvironment() {
    return load(System.getenv(), Paths.get(System.getProperty("user.home")), null);
  }

  /** As {@link #fromEnvironment()}, but from the named profile. */
  public static DatabricksConfig fromProfile(String profile) {
    return load(System.getenv(), Paths.get(System.getProperty("user.home")), profile);
  }

  /**
   * Resolves from the given environment and home directory; {@code profile} overrides
   * {@code DATABRICKS_CONFIG_PROFILE} when not null. Public for tools and tests.
   */
  public static DatabricksConfig load(Map<String, String> env, Path home, String profile) {
    Map<String, String> settings = new HashMap<>();
    ENV_KEYS.forEach((key, vars) -> vars.stream()
        .map(env::get)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .ifPresent(v -> settings.put(key, v.strip())));

    String explicitProfile = profile != null ? profile : blankToNull(env.get("DATABRICKS_CONFIG_PROFILE"));
    String profileName = explicitProfile != null ? explicitProfile : "DEFAULT";
    String file = blankToNull(env.get("DATABRICKS_CONFIG_FILE"));
    Path path = file != null ? expandHome(file, home) : home.resolve(".databrickscfg");

    // Environment values are never blank, so building credentials from them cannot fail.
    boolean envComplete = settings.containsKey("host") && credentialsIn(settings).isPresent();
    String usedProfile = null;
    if (explicitProfile != null || !envComplete) {
      Optional<ProfileFile> parsed = ProfileFile.read(path);
      if (parsed.isEmpty() && explicitProfile != null) {
        throw new ConfigurationException("profile '" + explicitProfile + "' requested but the config file " + path + " does not exist");
      }
      if (parsed.isPresent()) {
        Optional<Map<String, String>> section = parsed.get().profile(profileName);
        if (section.isEmpty() && explicitProfile != null) {
          throw new ConfigurationException("profile '" + explicitProfile + "' not found in " + path
              + "; profiles there: " + parsed.get().profileNames());
        }
        if (section.isPresent()) {
          usedProfile = profileName;
          section.get().forEach(settings::putIfAbsent);
        }
      }
    }

    if (!settings.containsKey("host")) {
      throw new ConfigurationException("no workspace host: set DATABRICKS_HOST, or 'host' in profile "
          + profileName + " of " + path);
    }
    URI host = Hosts.normalize(settings.get("host"));
    CredentialsProvider credentials = credentialsIn(settings).orElseThrow(() -> new ConfigurationException(
        "no credentials found: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or "
            + "ARM_TENANT_ID, ARM_CLIENT_ID and ARM_CLIENT_SECRET, or put them in profile " + profileName + " of "
            + path));
    return new DatabricksConfig(host, credentials, settings.get("warehouse_id"), settings.get("cluster_id"), usedProfile);
  }

  /** A config with an explicit host and credentials (what the client builder creates). */
  public static DatabricksConfig of(String host, CredentialsProvider credentials) {
    if (credentials == null) {
      throw new ConfigurationException("no credentials: pass e.g. Credentials.personalAccessToken(token)");
    }
    return new DatabricksConfig(Hosts.normalize(host), credentials, null, null, null);
  }

  /** The first complete set of credentials in {@code s}, in the order the class comment gives. */
  private static Optional<CredentialsProvider> credentialsIn(Map<String, String> s) {
    if (s.containsKey("token")) {
      return Optional.of(Credentials.personalAccessToken(s.get("token")));
    }
    if (s.containsKey("client_id") && s.containsKey("client_secret")) {
      return Optional.of(Credentials.oauthM2M(s.get("client_id"), s.get("client_secret")));
    }
    if (s.containsKey("azure_client_id") && s.containsKey("azure_client_secret") && s.containsKey("azure_tenant_id")) {
      return Optional.of(Credentials.azureServicePrincipal(
          s.get("azure_tenant_id"), s.get("azure_client_id"), s.get("azure_client_secret")));
    }
    return Optional.empty();
  }

  private static Path expandHome(String file, Path home) {
    return file.startsWith("~/") ? home.resolve(file.substring(2)) : Paths.get(file);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public URI host() {
    return host;
  }

  public CredentialsProvider credentials() {
    return credentials;
  }

  /** {@code warehouse_id} from the environment or profile, for tools that need a default warehouse. */
  public Optional<String> warehouseId() {
    return Optional.ofNullable(warehouseId);
  }

  /** {@code cluster_id} from the environment or profile. */
  public Optional<String> clusterId() {
    return Optional.ofNullable(clusterId);
  }

  /** The profile that supplied settings, if any did. */
  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  @Override
  public String toString() {
    return "DatabricksConfig[host=" + host + ", auth=" + credentials.authType()
        + (profile != null ? ", profile=" + profile : "") + "]";
  }
}

package dev.kiln.core;

import dev.kiln.core.auth.AuthChain;
import dev.kiln.core.auth.CredentialsProvider;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.internal.EnvProxy;
import dev.kiln.core.internal.Hosts;
import dev.kiln.core.internal.ProfileFile;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where to connect and as whom, resolved as the official Databricks tools resolve it ("unified
 * authentication"):
 * <ol>
 *   <li>each setting from its environment variable ({@link #SETTINGS}), then, for settings still unset,
 *       from a profile of {@code DATABRICKS_CONFIG_FILE} (else {@code ~/.databrickscfg}); a set value is
 *       never overwritten;</li>
 *   <li>the profile: the one named ({@link #fromProfile}, {@code DATABRICKS_CONFIG_PROFILE}), else
 *       {@code default_profile} of the file's {@code [__settings__]} section, else {@code [DEFAULT]} if
 *       present. When no profile was named and the environment already gives a host (or an Azure
 *       workspace resource id) and an auth setting, the file is not read at all;</li>
 *   <li>credentials: {@code auth_type} ({@code DATABRICKS_AUTH_TYPE}) picks exactly one method; without it
 *       the first of the default chain that applies ({@link AuthChain#DEFAULT_ORDER}).</li>
 * </ol>
 * {@link #describe()} says where every setting came from.
 */
public final class DatabricksConfig {
  /** Profile key → environment variables that set it, first match wins. */
  public static final Map<String, List<String>> SETTINGS;
  /** Settings never shown, only as {@code ***}. */
  private static final Set<String> SENSITIVE = Set.of("token", "password", "client_secret", "azure_client_secret",
      "metadata_service_url");
  /** Settings that say how to sign in: with a host from the environment, they make the file unnecessary. */
  private static final Set<String> AUTH_KEYS = Set.of("token", "username", "password", "client_id", "client_secret",
      "auth_type", "metadata_service_url", "azure_use_msi", "azure_client_id", "azure_client_secret", "azure_tenant_id",
      "databricks_cli_path");
  /** The reserved section holding {@code default_profile}. */
  static final String SETTINGS_SECTION = "__settings__";

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("host", List.of("DATABRICKS_HOST"));
    m.put("auth_type", List.of("DATABRICKS_AUTH_TYPE"));
    m.put("token", List.of("DATABRICKS_TOKEN"));
    m.put("username", List.of("DATABRICKS_USERNAME"));
    m.put("password", List.of("DATABRICKS_PASSWORD"));
    m.put("client_id", List.of("DATABRICKS_CLIENT_ID"));
    m.put("client_secret", List.of("DATABRICKS_CLIENT_SECRET"));
    m.put("metadata_service_url", List.of("DATABRICKS_METADATA_SERVICE_URL"));
    m.put("databricks_cli_path", List.of("DATABRICKS_CLI_PATH"));
    m.put("azure_workspace_resource_id", List.of("DATABRICKS_AZURE_RESOURCE_ID"));
    m.put("azure_use_msi", List.of("ARM_USE_MSI"));
    m.put("azure_tenant_id", List.of("ARM_TENANT_ID", "DATABRICKS_AZURE_TENANT_ID"));
    m.put("azure_client_id", List.of("ARM_CLIENT_ID", "DATABRICKS_AZURE_CLIENT_ID"));
    m.put("azure_client_secret", List.of("ARM_CLIENT_SECRET", "DATABRICKS_AZURE_CLIENT_SECRET"));
    m.put("azure_environment", List.of("ARM_ENVIRONMENT"));
    m.put("warehouse_id", List.of("DATABRICKS_WAREHOUSE_ID"));
    m.put("cluster_id", List.of("DATABRICKS_CLUSTER_ID"));
    SETTINGS = java.util.Collections.unmodifiableMap(m);
  }

  private final URI host;
  private final CredentialsProvider credentials;
  private final String warehouseId;
  private final String clusterId;
  private final String profile;
  /** Setting → "value (source)", values of sensitive settings masked; in SETTINGS order. */
  private final Map<String, String> described;
  private final String authExplanation;
  private final EnvProxy proxy;

  private DatabricksConfig(URI host, CredentialsProvider credentials, String warehouseId, String clusterId, String profile,
      Map<String, String> described, String authExplanation, EnvProxy proxy) {
    this.host = host;
    this.credentials = credentials;
    this.warehouseId = warehouseId;
    this.clusterId = clusterId;
    this.profile = profile;
    this.described = described;
    this.authExplanation = authExplanation;
    this.proxy = proxy;
  }

  /** From the process environment and the user's home directory. */
  public static DatabricksConfig fromEnvironment() {
    return load(ConfigEnvironment.system(), null);
  }

  /** As {@link #fromEnvironment()}, but from the named profile. */
  public static DatabricksConfig fromProfile(String profile) {
    return load(ConfigEnvironment.system(), profile);
  }

  /**
   * Resolves from the given environment variables and home directory ({@code PATH} from the variables,
   * real processes); {@code profile} overrides {@code DATABRICKS_CONFIG_PROFILE} when not null. Public for
   * tools and tests.
   */
  public static DatabricksConfig load(Map<String, String> env, Path home, String profile) {
    return load(ConfigEnvironment.of(env, home), profile);
  }

  /** Resolves against {@code environment}; {@code profile} overrides {@code DATABRICKS_CONFIG_PROFILE} when not null. */
  public static DatabricksConfig load(ConfigEnvironment environment, String profile) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    SETTINGS.forEach((key, vars) -> vars.stream()
        .filter(v -> environment.get(v).isPresent())
        .findFirst()
        .ifPresent(v -> {
          settings.put(key, environment.get(v).get());
          sources.put(key, "env " + v);
        }));

    String explicitProfile = profile != null ? blankToNull(profile) : environment.get("DATABRICKS_CONFIG_PROFILE").orElse(null);
    if (SETTINGS_SECTION.equals(explicitProfile)) {
      throw new ConfigurationException("'" + SETTINGS_SECTION + "' is reserved for settings and cannot be used as a profile");
    }
    Path path = environment.configFile();

    boolean envConfigured = (settings.containsKey("host") || settings.containsKey("azure_workspace_resource_id"))
        && settings.keySet().stream().anyMatch(AUTH_KEYS::contains);
    String usedProfile = null;
    String profileName = explicitProfile != null ? explicitProfile : "DEFAULT";
    if (explicitProfile != null || !envConfigured) {
      Optional<ProfileFile> parsed = ProfileFile.read(path);
      if (parsed.isEmpty() && explicitProfile != null) {
        throw new ConfigurationException("profile '" + explicitProfile + "' requested but the config file " + path + " does not exist");
      }
      if (parsed.isPresent()) {
        boolean named = explicitProfile != null;
        if (!named) {
          String fromSettings = parsed.get().profile(SETTINGS_SECTION).map(s -> blankToNull(s.get("default_profile"))).orElse(null);
          if (fromSettings != null) {
            profileName = fromSettings;
            named = true;
          }
        }
        Optional<Map<String, String>> section = SETTINGS_SECTION.equals(profileName) ? Optional.empty()
            : parsed.get().profile(profileName);
        if (section.isEmpty() && named) {
          List<String> names = new java.util.ArrayList<>(parsed.get().profileNames());
          names.remove(SETTINGS_SECTION);
          throw new ConfigurationException("profile '" + profileName + "' "
              + (explicitProfile == null ? "(default_profile in [" + SETTINGS_SECTION + "]) " : "")
              + "not found in " + path + "; profiles there: " + names);
        }
        if (section.isPresent()) {
          usedProfile = profileName;
          String source = "profile " + profileName + " of " + path;
          section.get().forEach((k, v) -> {
            if (!v.isBlank() && settings.putIfAbsent(k, v.strip()) == null) {
              sources.put(k, source);
            }
          });
        }
      }
    }

    if (!settings.containsKey("host")) {
      throw new ConfigurationException("no workspace host: set DATABRICKS_HOST, or 'host' in profile "
          + profileName + " of " + path);
    }
    URI host = Hosts.normalize(settings.get("host"));
    AuthChain.Result auth = AuthChain.resolve(settings, host, environment);

    Map<String, String> described = new LinkedHashMap<>();
    List<String> keys = new java.util.ArrayList<>(SETTINGS.keySet());
    settings.keySet().stream().filter(k -> !SETTINGS.containsKey(k)).sorted().forEach(keys::add);
    for (String k : keys) {
      if (settings.containsKey(k)) {
        String v = sensitive(k) ? "***" : settings.get(k);
        described.put(k, v + " (" + sources.get(k) + ")");
      }
    }
    Set<String> direct = new HashSet<>();
    direct.add(environment.azureImdsEndpoint().getHost());
    directHost(settings.get("metadata_service_url")).ifPresent(direct::add);
    directHost(environment.get("IDENTITY_ENDPOINT").orElse(null)).ifPresent(direct::add);
    EnvProxy proxy = EnvProxy.from(environment.variables(), direct).orElse(null);
    return new DatabricksConfig(host, auth.credentials(), settings.get("warehouse_id"), settings.get("cluster_id"),
        usedProfile, java.util.Collections.unmodifiableMap(described), auth.explanation(), proxy);
  }

  /** Known secrets, and any other key whose name suggests one (a profile may hold keys Kiln does not know). */
  private static boolean sensitive(String key) {
    return SENSITIVE.contains(key) || key.contains("secret") || key.contains("password") || key.contains("token")
        || key.contains("credential") || key.contains("key");
  }

  private static Optional<String> directHost(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI u = URI.create(url);
      return u.getHost() == null ? Optional.empty() : Optional.of(u.getHost().toLowerCase(java.util.Locale.ROOT)
          + (u.getPort() >= 0 ? ":" + u.getPort() : ""));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A config with an explicit host and credentials (what the client builder creates). */
  public static DatabricksConfig of(String host, CredentialsProvider credentials) {
    if (credentials == null) {
      throw new ConfigurationException("no credentials: pass e.g. Credentials.personalAccessToken(token)");
    }
    URI h = Hosts.normalize(host);
    return new DatabricksConfig(h, credentials, null, null, null,
        Map.of("host", h + " (given to the builder)"), credentials.authType() + " (given to the builder)", null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The workspace URL, normalised to {@code https://host[:port]} without a trailing slash. */
  public URI host() {
    return host;
  }

  /**
   * How requests are signed in: the provider chosen by {@code auth_type}, or the first the
   * environment supports.
   */
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

  /** The proxies {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} describe, if any is set. */
  public Optional<ProxySelector> proxySelector() {
    return Optional.ofNullable(proxy);
  }

  /** The proxies from the environment with their credentials, for the client. */
  EnvProxy envProxy() {
    return proxy;
  }

  /**
   * Every setting with its source ({@code env DATABRICKS_HOST}, {@code profile DEFAULT of /home/u/.databrickscfg}),
   * secrets as {@code ***}, then the auth method and why it was chosen, then the proxy. One per line.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    described.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
    b.append("auth = ").append(authExplanation).append('\n');
    b.append("proxy = ").append(proxy == null ? "none" : proxy.describe() + " (env)");
    return b.toString();
  }

  @Override
  public String toString() {
    return "DatabricksConfig[host=" + host + ", auth=" + credentials.authType()
        + (profile != null ? ", profile=" + profile : "") + "]";
  }
}

package dev.kiln.core.auth;

import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.internal.Hosts;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the credentials for resolved settings (profile keys such as {@code token}, {@code client_id},
 * {@code auth_type}) the way the official SDKs do. With {@code auth_type} only that method is tried; otherwise
 * the default chain, first that applies wins:
 * {@code pat, basic, metadata-service, oauth-m2m, azure-msi, azure-client-secret, azure-cli, databricks-cli}.
 * {@code external-browser} is used only when chosen by {@code auth_type}. Used by
 * {@link dev.kiln.core.DatabricksConfig}; public for tools that resolve settings of their own.
 */
public final class AuthChain {
  /** The default chain, in order. */
  public static final List<String> DEFAULT_ORDER = List.of(
      "pat", "basic", "metadata-service", "oauth-m2m", "azure-msi", "azure-client-secret", "azure-cli", "databricks-cli");

  /** Every {@code auth_type} Kiln accepts. */
  public static final List<String> SUPPORTED = List.of(
      "pat", "basic", "metadata-service", "oauth-m2m", "azure-msi", "azure-client-secret", "azure-cli", "databricks-cli",
      "external-browser");

  /** Official names Kiln does not implement: choosing one is an error that says so. */
  static final List<String> OFFICIAL_UNSUPPORTED = List.of(
      "env-oidc", "file-oidc", "github-oidc", "azure-devops-oidc", "github-oidc-azure", "google-credentials", "google-id",
      "runtime", "runtime-oauth", "model-serving");

  /** The production Azure Databricks login application (public, US Gov and China clouds). */
  static final String AZURE_DATABRICKS_RESOURCE = AzureServicePrincipal.DATABRICKS_RESOURCE;
  /** A `databricks` on the PATH smaller than this is the legacy Python CLI's launcher, not the Go binary. */
  static final long LEGACY_CLI_MAX_BYTES = 1024 * 1024;
  private static final List<String> AZURE_ZONES = List.of(".azuredatabricks.net", ".databricks.azure.us", ".databricks.azure.cn");

  private final Map<String, Function<Inputs, Object>> methods = new LinkedHashMap<>();

  private AuthChain() {
    methods.put("pat", AuthChain::pat);
    methods.put("basic", AuthChain::basic);
    methods.put("metadata-service", AuthChain::metadataService);
    methods.put("oauth-m2m", AuthChain::oauthM2M);
    methods.put("azure-msi", AuthChain::azureMsi);
    methods.put("azure-client-secret", AuthChain::azureClientSecret);
    methods.put("azure-cli", AuthChain::azureCli);
    methods.put("databricks-cli", AuthChain::databricksCli);
    methods.put("external-browser", AuthChain::externalBrowser);
  }

  /** The credentials chosen and why. */
  public static final class Result {
    private final CredentialsProvider credentials;
    private final String explanation;

    Result(CredentialsProvider credentials, String explanation) {
      this.credentials = credentials;
      this.explanation = explanation;
    }

    /** The provider that will sign requests. */
    public CredentialsProvider credentials() {
      return credentials;
    }

    /** E.g. {@code azure-cli (default chain; not applied: pat: no token, ...)}; never a secret. */
    public String explanation() {
      return explanation;
    }
  }

  /**
   * Chooses credentials for {@code settings} (profile key → value) and the normalised {@code host}.
   *
   * @throws ConfigurationException {@code auth_type} is unknown or its method cannot work with these
   *     settings, or no method of the default chain applies (the message names each and why)
   */
  public static Result resolve(Map<String, String> settings, URI host, ConfigEnvironment env) {
    AuthChain chain = new AuthChain();
    Inputs in = new Inputs(Collections.unmodifiableMap(settings), host, env);
    String authType = in.get("auth_type");
    if (authType != null) {
      String chosen = authType.toLowerCase(Locale.ROOT);
      Function<Inputs, Object> method = chain.methods.get(chosen);
      if (method == null) {
        if (OFFICIAL_UNSUPPORTED.contains(chosen)) {
          throw new ConfigurationException("auth_type '" + authType + "' is an official Databricks method Kiln does not"
              + " support; Kiln supports: " + String.join(", ", SUPPORTED));
        }
        throw new ConfigurationException("unknown auth_type '" + authType + "' (DATABRICKS_AUTH_TYPE or auth_type in the"
            + " profile); known: " + String.join(", ", SUPPORTED));
      }
      Object r = method.apply(in);
      if (r instanceof String) {
        throw new ConfigurationException("auth_type is " + chosen + " but " + r);
      }
      return new Result((CredentialsProvider) r, chosen + " (chosen by auth_type)");
    }
    List<String> notApplied = new ArrayList<>();
    for (String name : DEFAULT_ORDER) {
      Object r = chain.methods.get(name).apply(in);
      if (r instanceof CredentialsProvider) {
        String why = notApplied.isEmpty() ? "" : "; not applied: " + String.join("; ", notApplied);
        return new Result((CredentialsProvider) r, name + " (first to apply in the default chain" + why + ")");
      }
      notApplied.add(name + ": " + r);
    }
    throw new ConfigurationException("no credentials found for " + host + ". Tried, in order: "
        + String.join("; ", notApplied) + ". external-browser is used only with auth_type = external-browser."
        + " See https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication");
  }

  /** True for Azure Databricks: a workspace resource id, or a host in an Azure Databricks DNS zone. */
  public static boolean isAzure(Map<String, String> settings, URI host) {
    if (settings.get("azure_workspace_resource_id") != null) {
      return true;
    }
    String h = host == null ? "" : host.getHost().toLowerCase(Locale.ROOT);
    return AZURE_ZONES.stream().anyMatch(h::endsWith);
  }

  // Each method returns its CredentialsProvider, or a String saying why it does not apply.

  private static Object pat(Inputs in) {
    String token = in.get("token");
    return token == null ? "no token (DATABRICKS_TOKEN)" : new PersonalAccessToken(token);
  }

  private static Object basic(Inputs in) {
    String user = in.get("username");
    String password = in.get("password");
    if (user == null || password == null) {
      return "no username and password (DATABRICKS_USERNAME, DATABRICKS_PASSWORD)";
    }
    return new BasicCredentials(user, password);
  }

  private static Object metadataService(Inputs in) {
    String url = in.get("metadata_service_url");
    if (url == null) {
      return "no metadata_service_url (DATABRICKS_METADATA_SERVICE_URL)";
    }
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("metadata-service: DATABRICKS_METADATA_SERVICE_URL is not a URL");
    }
    if (u.getHost() == null || !Hosts.isLoopbackHost(u.getHost())) {
      // As the official SDKs: the metadata service runs on this machine; anything else is a misconfiguration.
      throw new ConfigurationException("metadata-service: DATABRICKS_METADATA_SERVICE_URL must point at localhost or 127.0.0.1");
    }
    return new MetadataServiceCredentials(u, in.host.toString());
  }

  private static Object oauthM2M(Inputs in) {
    if (in.get("client_id") == null || in.get("client_secret") == null) {
      return "no client_id and client_secret (DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET)";
    }
    return new OAuthMachineToMachine(in.get("client_id"), in.get("client_secret"));
  }

  private static Object azureMsi(Inputs in) {
    if (!"true".equalsIgnoreCase(in.get("azure_use_msi"))) {
      return "azure_use_msi is not true (ARM_USE_MSI)";
    }
    if (!in.azure()) {
      return "the host is not an Azure Databricks workspace and no azure_workspace_resource_id is set";
    }
    String endpoint = in.env.get("IDENTITY_ENDPOINT").orElse(null);
    String header = in.env.get("IDENTITY_HEADER").orElse(null);
    URI identityEndpoint = endpoint != null && header != null ? URI.create(endpoint) : null;
    return in.azureExtras(new AzureManagedIdentity(in.env.azureImdsEndpoint(), in.get("azure_client_id"),
        identityEndpoint, identityEndpoint != null ? header : null, AZURE_DATABRICKS_RESOURCE));
  }

  private static Object azureClientSecret(Inputs in) {
    String tenant = in.get("azure_tenant_id");
    String client = in.get("azure_client_id");
    String secret = in.get("azure_client_secret");
    if (tenant == null || client == null || secret == null) {
      return "no azure_tenant_id, azure_client_id and azure_client_secret (ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET)";
    }
    AzureServicePrincipal sp = new AzureServicePrincipal(tenant, client, secret, in.env.azureLoginEndpoint());
    CachingTokenProvider mgmt = in.get("azure_workspace_resource_id") == null ? null
        : new AzureServicePrincipal(tenant, client, secret, in.env.azureLoginEndpoint(), AzureServicePrincipal.MANAGEMENT_RESOURCE);
    return in.get("azure_workspace_resource_id") == null ? sp
        : new AzureWorkspaceHeaders(sp, in.get("azure_workspace_resource_id"), mgmt);
  }

  private static Object azureCli(Inputs in) {
    if (!in.azure()) {
      return "the host is not an Azure Databricks workspace and no azure_workspace_resource_id is set";
    }
    Optional<Path> az = Executables.find("az", in.env.searchPath());
    if (az.isEmpty()) {
      return "`az` was not found on the PATH";
    }
    String resourceId = in.get("azure_workspace_resource_id");
    String subscription = null;
    if (resourceId != null) {
      String[] parts = resourceId.split("/");
      if (parts.length > 2 && "subscriptions".equalsIgnoreCase(parts[1]) && !parts[2].isBlank()) {
        subscription = parts[2];
      }
    }
    AzureCliCredentials cli = new AzureCliCredentials(in.env, az.get(), AZURE_DATABRICKS_RESOURCE, in.get("azure_tenant_id"),
        subscription);
    return resourceId == null ? cli : new AzureWorkspaceHeaders(cli, resourceId, new AzureCliCredentials.ManagementToken(cli));
  }

  private static Object databricksCli(Inputs in) {
    String configured = in.get("databricks_cli_path");
    String name = configured != null ? configured : "databricks";
    Optional<Path> cli = Executables.find(name, in.env.searchPath());
    if (cli.isEmpty()) {
      return configured != null ? "databricks_cli_path '" + configured + "' is not an executable (DATABRICKS_CLI_PATH)"
          : "`databricks` was not found on the PATH";
    }
    if (configured == null && Executables.size(cli.get()) < LEGACY_CLI_MAX_BYTES) {
      // As Go and Python: the legacy Python CLI (a small launcher script) has no `auth token`.
      return "`databricks` on the PATH (" + cli.get() + ") is the legacy Python CLI, which cannot sign in; install the"
          + " current Databricks CLI or set databricks_cli_path";
    }
    return new DatabricksCliCredentials(in.env, cli.get(), in.host.toString());
  }

  private static Object externalBrowser(Inputs in) {
    return new ExternalBrowserCredentials(in.env, in.host.toString(), in.get("client_id"));
  }

  /** The settings and environment one resolution reads. */
  private static final class Inputs {
    final Map<String, String> settings;
    final URI host;
    final ConfigEnvironment env;

    Inputs(Map<String, String> settings, URI host, ConfigEnvironment env) {
      this.settings = settings;
      this.host = host;
      this.env = env;
    }

    String get(String key) {
      String v = settings.get(key);
      return v == null || v.isBlank() ? null : v.strip();
    }

    boolean azure() {
      return isAzure(settings, host);
    }

    /** Adds {@code X-Databricks-Azure-Workspace-Resource-Id} when one is configured. */
    CredentialsProvider azureExtras(CredentialsProvider p) {
      String id = get("azure_workspace_resource_id");
      return id == null ? p : new AzureWorkspaceHeaders(p, id, null);
    }
  }
}

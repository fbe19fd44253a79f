package dev.kiln.core.auth;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.error.ConfigurationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Azure AD client credentials for the Azure Databricks resource, token cached like OAuth M2M. */
final class AzureServicePrincipal extends CachingTokenProvider {
  /** The application id of Azure Databricks, the resource the token is for. */
  static final String DATABRICKS_RESOURCE = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
  static final URI DEFAULT_LOGIN_ENDPOINT = URI.create("https://login.microsoftonline.com/");

  private final String tenantId;
  private final String clientId;
  private final String clientSecret;
  private final URI loginEndpoint;

  /** The Azure Resource Manager, for the service-management token sent next to the Databricks one. */
  static final String MANAGEMENT_RESOURCE = "https://management.core.windows.net/";

  private final String resource;

  AzureServicePrincipal(String tenantId, String clientId, String clientSecret, URI loginEndpoint) {
    this(tenantId, clientId, clientSecret, loginEndpoint, DATABRICKS_RESOURCE);
  }

  /** A token for {@code resource} instead of Azure Databricks (the management token). */
  AzureServicePrincipal(String tenantId, String clientId, String clientSecret, URI loginEndpoint, String resource) {
    if (isBlank(tenantId) || isBlank(clientId) || isBlank(clientSecret)) {
      throw new ConfigurationException("an Azure service principal needs a tenant id, a client id and a client secret");
    }
    this.tenantId = tenantId;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    String base = loginEndpoint.toString();
    this.loginEndpoint = URI.create(base.endsWith("/") ? base : base + "/");
    this.resource = resource;
  }

  @Override
  public String authType() {
    return "azure-client-secret";
  }

  @Override
  CompletableFuture<Token> fetchToken(AuthContext context) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("resource", resource);
    URI endpoint = loginEndpoint.resolve(ApiRequest.segment(tenantId) + "/oauth2/token");
    ApiRequest request = ApiRequest.absolute("POST", endpoint).formBody(form).idempotent(true).build();
    return context.send(request, BodyReader.json(TokenResponse.class))
        .thenApply(r -> r.body().toToken(context.clock().instant(), "Azure AD"));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "AzureServicePrincipal[tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=***, loginEndpoint=" + loginEndpoint + "]";
  }
}

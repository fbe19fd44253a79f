package dev.kiln.core.auth;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Azure managed identity ({@code azure-msi}): a token for the Azure Databricks resource from the Instance
 * Metadata Service ({@code GET /metadata/identity/oauth2/token}, header {@code Metadata: true}), or on App
 * Service / Functions from {@code IDENTITY_ENDPOINT} with the {@code X-IDENTITY-HEADER} secret.
 */
final class AzureManagedIdentity extends CachingTokenProvider {
  private final URI imds;
  private final String clientId;
  private final URI identityEndpoint;
  private final String identityHeader;
  private final String resource;

  /** {@code identityEndpoint}/{@code identityHeader} null on a VM (IMDS); {@code clientId} null for the system identity. */
  AzureManagedIdentity(URI imds, String clientId, URI identityEndpoint, String identityHeader, String resource) {
    this.imds = imds;
    this.clientId = clientId;
    this.identityEndpoint = identityEndpoint;
    this.identityHeader = identityHeader;
    this.resource = resource;
  }

  @Override
  public String authType() {
    return "azure-msi";
  }

  @Override
  CompletableFuture<Token> fetchToken(AuthContext context) {
    ApiRequest.Builder request;
    if (identityEndpoint != null) {
      request = ApiRequest.absolute("GET", withQuery(identityEndpoint, "2019-08-01"))
          .header("X-IDENTITY-HEADER", identityHeader);
    } else {
      String base = imds.toString().replaceAll("/+$", "");
      request = ApiRequest.absolute("GET", withQuery(URI.create(base + "/metadata/identity/oauth2/token"), "2018-02-01"))
          .header("Metadata", "true");
    }
    return context.send(request.idempotent(true).build(), BodyReader.json(TokenResponse.class))
        .thenApply(r -> r.body().toToken(context.clock().instant(), "the Azure managed identity endpoint"));
  }

  private URI withQuery(URI endpoint, String apiVersion) {
    String q = "api-version=" + apiVersion + "&resource=" + enc(resource) + (clientId == null ? "" : "&client_id=" + enc(clientId));
    String s = endpoint.toString();
    return URI.create(s + (s.contains("?") ? "&" : "?") + q);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AzureManagedIdentity[" + (identityEndpoint != null ? "App Service" : "IMDS")
        + (clientId != null ? ", clientId=" + clientId : "") + "]";
  }
}

package dev.kiln.core.auth;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.error.ConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Databricks OAuth client credentials at {@code {host}/oidc/v1/token}, scope {@code all-apis}. */
final class OAuthMachineToMachine extends CachingTokenProvider {
  private final String clientId;
  private final String basicAuth;

  OAuthMachineToMachine(String clientId, String clientSecret) {
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw new ConfigurationException("OAuth M2M needs both a client id and a client secret");
    }
    this.clientId = clientId;
    String pair = clientId + ":" + clientSecret;
    this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String authType() {
    return "oauth-m2m";
  }

  @Override
  CompletableFuture<Token> fetchToken(AuthContext context) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", "all-apis");
    URI endpoint = URI.create(context.host() + "/oidc/v1/token");
    ApiRequest request = ApiRequest.absolute("POST", endpoint)
        .header("Authorization", basicAuth)
        .formBody(form)
        .idempotent(true) // asking for another token is harmless
        .build();
    return context.send(request, BodyReader.json(TokenResponse.class))
        .thenApply(r -> r.body().toToken(context.clock().instant(), "the workspace"));
  }

  @Override
  public String toString() {
    return "OAuthMachineToMachine[clientId=" + clientId + ", clientSecret=***]";
  }
}

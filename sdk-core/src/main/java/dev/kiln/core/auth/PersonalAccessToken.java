package dev.kiln.core.auth;

import dev.kiln.core.error.ConfigurationException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

final class PersonalAccessToken implements CredentialsProvider {
  private final CompletableFuture<Map<String, String>> headers;

  PersonalAccessToken(String token) {
    if (token == null || token.isBlank()) {
      throw new ConfigurationException("personal access token is empty: set DATABRICKS_TOKEN or pass a token");
    }
    this.headers = CompletableFuture.completedFuture(Map.of("Authorization", "Bearer " + token.strip()));
  }

  @Override
  public String authType() {
    return "pat";
  }

  @Override
  public CompletableFuture<Map<String, String>> headers(AuthContext context) {
    return headers;
  }

  @Override
  public String toString() {
    return "PersonalAccessToken[token=***]";
  }
}

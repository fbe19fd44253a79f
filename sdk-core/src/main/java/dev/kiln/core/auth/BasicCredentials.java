package dev.kiln.core.auth;

import dev.kiln.core.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code basic}: username and password as {@code Authorization: Basic}. */
final class BasicCredentials implements CredentialsProvider {
  private final String username;
  private final CompletableFuture<Map<String, String>> headers;

  BasicCredentials(String username, String password) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw new ConfigurationException("basic auth needs both a username and a password");
    }
    this.username = username;
    String pair = username + ":" + password;
    this.headers = CompletableFuture.completedFuture(
        Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public String authType() {
    return "basic";
  }

  @Override
  public CompletableFuture<Map<String, String>> headers(AuthContext context) {
    return headers;
  }

  @Override
  public String toString() {
    return "BasicCredentials[username=" + username + ", password=***]";
  }
}

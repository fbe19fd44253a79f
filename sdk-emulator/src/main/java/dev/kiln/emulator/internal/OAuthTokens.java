package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspace's service principals (OAuth client id and secret) and the access tokens {@code /oidc/v1/token}
 * issued to them. A token works on the REST routes until it expires on the workspace's clock.
 */
final class OAuthTokens {
  private static final int PURGE_THRESHOLD = 1_000;

  private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  OAuthTokens(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  void addServicePrincipal(String clientId, String clientSecret) {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("a service principal needs a non-blank client id and secret");
    }
    secrets.put(clientId, clientSecret.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code clientSecret} is the secret of {@code clientId}; compared in constant time. */
  boolean authenticates(String clientId, String clientSecret) {
    byte[] expected = secrets.get(clientId);
    return expected != null
        && MessageDigest.isEqual(expected, clientSecret.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh access token for an authenticated client. */
  Issued issue() {
    if (issued.size() > PURGE_THRESHOLD) {
      Instant now = clock.instant();
      issued.values().removeIf(expiry -> !now.isBefore(expiry));
    }
    String token = Ids.urlToken();
    issued.put(token, clock.instant().plus(ttl));
    return new Issued(token, ttl.toSeconds());
  }

  /** Empty for a token this workspace never issued, else whether it is still valid. */
  Optional<Boolean> isValid(String token) {
    Instant expiry = issued.get(token);
    return expiry == null ? Optional.empty() : Optional.of(clock.instant().isBefore(expiry));
  }

  static final class Issued {
    final String accessToken;
    final long expiresInSeconds;

    Issued(String accessToken, long expiresInSeconds) {
      this.accessToken = accessToken;
      this.expiresInSeconds = expiresInSeconds;
    }
  }
}

package dev.kiln.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Caches a bearer token until shortly before it expires and lets only one refresh run at a time,
 * however many threads ask: callers that arrive during a refresh share its future.
 */
abstract class CachingTokenProvider implements CredentialsProvider {
  /** Refresh this long before expiry so a token never expires in flight. */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  private Token cached;
  private CompletableFuture<Token> inFlight;

  /** Fetches a new token from the token endpoint. */
  abstract CompletableFuture<Token> fetchToken(AuthContext context);

  @Override
  public final CompletableFuture<Map<String, String>> headers(AuthContext context) {
    return token(context).thenApply(t -> Map.of("Authorization", t.type + " " + t.value));
  }

  /** The current token, fetched first when there is none or it is about to expire. */
  final CompletableFuture<Token> token(AuthContext context) {
    CompletableFuture<Token> started;
    synchronized (this) {
      Instant now = context.clock().instant();
      if (cached != null && now.isBefore(cached.expiresAt.minus(REFRESH_MARGIN))) {
        return CompletableFuture.completedFuture(cached);
      }
      if (inFlight != null) {
        return inFlight;
      }
      started = new CompletableFuture<>();
      inFlight = started;
    }
    fetchToken(context).whenComplete((t, e) -> {
      synchronized (this) {
        inFlight = null;
        if (e == null) {
          cached = t;
        }
      }
      if (e != null) {
        started.completeExceptionally(e);
      } else {
        started.complete(t);
      }
    });
    return started;
  }

  @Override
  public synchronized boolean refreshAfterUnauthorized(Map<String, String> rejectedHeaders) {
    // Drop the token only if it is the one that was rejected; another thread may have refreshed already.
    if (cached != null && (cached.type + " " + cached.value).equals(rejectedHeaders.get("Authorization"))) {
      cached = null;
    }
    return true;
  }

  /** An access token and when it stops being valid. */
  static final class Token {
    final String value;
    final Instant expiresAt;
    /** The scheme in front of the value in the Authorization header, normally {@code Bearer}. */
    final String type;
    /** Only the OAuth U2M flow gets one; null otherwise. */
    final String refreshToken;

    Token(String value, Instant expiresAt) {
      this(value, expiresAt, "Bearer", null);
    }

    Token(String value, Instant expiresAt, String type, String refreshToken) {
      this.value = value;
      this.expiresAt = expiresAt;
      this.type = type == null || type.isBlank() || type.equalsIgnoreCase("bearer") ? "Bearer" : type;
      this.refreshToken = refreshToken;
    }

    @Override
    public String toString() {
      return "Token[value=***, type=" + type + ", expiresAt=" + expiresAt + "]";
    }
  }
}

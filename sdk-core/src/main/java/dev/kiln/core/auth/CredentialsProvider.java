package dev.kiln.core.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A source of request credentials. Implement it for custom sources (a vault, a sidecar); Kiln asks
 * for headers before every attempt, so implementations cache what they fetch. Implementations must
 * be thread-safe and must never print secrets in {@code toString()}.
 */
public interface CredentialsProvider {
  /** A short name for the User-Agent and logs, e.g. {@code pat} or {@code oauth-m2m}. */
  String authType();

  /** Headers to add to a workspace request, usually just {@code Authorization}. */
  CompletableFuture<Map<String, String>> headers(AuthContext context);

  /**
   * Called once when the server answered 401 to a request sent with {@code rejectedHeaders}.
   * Return true if fresh credentials may fix it: the request is then retried once.
   */
  default boolean refreshAfterUnauthorized(Map<String, String> rejectedHeaders) {
    return false;
  }
}

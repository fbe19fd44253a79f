package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The workspace's personal access token, or an OAuth access token it issued, required on the REST routes. */
final class BearerAuth {
  private static final String BEARER = "Bearer ";

  private final byte[] expected;
  private final OAuthTokens oauth;

  BearerAuth(String token, OAuthTokens oauth) {
    this.expected = (BEARER + token).getBytes(StandardCharsets.UTF_8);
    this.oauth = oauth;
  }

  /** REST routes need the token; presigned external-link downloads must not carry one. */
  static boolean isProtected(String path) {
    return path.startsWith("/api/") || path.startsWith("/serving-endpoints");
  }

  /** Empty when {@code request} may pass, else the 401 reply. */
  Optional<Response> check(Request request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return Optional.of(
          ApiException.unauthenticated("Credential was not sent or was of an unsupported type for this API.")
              .toResponse());
    }
    // Constant-time comparison: the emulator should not teach timing leaks.
    if (MessageDigest.isEqual(expected, header.get().getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    if (header.get().startsWith(BEARER)) {
      Optional<Boolean> oauthToken = oauth.isValid(header.get().substring(BEARER.length()));
      if (oauthToken.isPresent()) {
        return oauthToken.get()
            ? Optional.empty()
            : Optional.of(ApiException.unauthenticated("The access token has expired.").toResponse());
      }
    }
    return Optional.of(ApiException.unauthenticated("Invalid access token.").toResponse());
  }
}

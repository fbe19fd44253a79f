package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The workspace's one personal access token, required on the REST routes. */
final class BearerAuth {
  private final byte[] expected;

  BearerAuth(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
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
    if (!MessageDigest.isEqual(expected, header.get().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(ApiException.unauthenticated("Invalid access token.").toResponse());
    }
    return Optional.empty();
  }
}

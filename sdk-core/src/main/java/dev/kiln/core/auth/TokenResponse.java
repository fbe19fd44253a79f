package dev.kiln.core.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.error.DatabricksClientException;
import java.time.Duration;
import java.time.Instant;

/** The OAuth token endpoint's answer (Databricks OIDC and Azure AD v1 both fit). */
final class TokenResponse {
  @JsonProperty("access_token")
  String accessToken;

  @JsonProperty("token_type")
  String tokenType;

  /** Seconds; Azure AD v1 sends it as a string, which Jackson coerces. */
  @JsonProperty("expires_in")
  Long expiresIn;

  CachingTokenProvider.Token toToken(Instant now, String source) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new DatabricksClientException("the token endpoint of " + source + " answered without an access_token");
    }
    long seconds = expiresIn == null ? 3600 : expiresIn;
    return new CachingTokenProvider.Token(accessToken, now.plus(Duration.ofSeconds(seconds)));
  }

  @Override
  public String toString() {
    return "TokenResponse[access_token=***, expires_in=" + expiresIn + "]";
  }
}

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

  @JsonProperty("refresh_token")
  String refreshToken;

  /** Epoch seconds (Azure managed identity sends a string, the metadata service a number). */
  @JsonProperty("expires_on")
  String expiresOn;

  /** Expiry from {@code expires_in}, else {@code expires_on}, else an hour from now. */
  CachingTokenProvider.Token toToken(Instant now, String source) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new DatabricksClientException("the token endpoint of " + source + " answered without an access_token");
    }
    Instant expiry;
    if (expiresIn != null) {
      expiry = now.plus(Duration.ofSeconds(expiresIn));
    } else if (expiresOn != null && expiresOn.strip().matches("[0-9]+")) {
      expiry = Instant.ofEpochSecond(Long.parseLong(expiresOn.strip()));
    } else {
      expiry = now.plus(Duration.ofHours(1));
    }
    return new CachingTokenProvider.Token(accessToken, expiry, tokenType, refreshToken);
  }

  @Override
  public String toString() {
    return "TokenResponse[access_token=***, refresh_token=" + (refreshToken == null ? "none" : "***")
        + ", expires_in=" + expiresIn + ", expires_on=" + expiresOn + "]";
  }
}

package dev.kiln.core.auth;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * {@code metadata-service}: a local endpoint (an IDE extension) hands out workspace tokens. {@code GET <url>}
 * with {@code X-Databricks-Metadata-Version: 1} and {@code X-Databricks-Host}; answer {@code access_token},
 * {@code token_type}, {@code expires_on} (epoch seconds). The URL itself is a credential.
 */
final class MetadataServiceCredentials extends CachingTokenProvider {
  private final URI url;
  private final String host;

  MetadataServiceCredentials(URI url, String host) {
    this.url = url;
    this.host = host;
  }

  @Override
  public String authType() {
    return "metadata-service";
  }

  @Override
  CompletableFuture<Token> fetchToken(AuthContext context) {
    ApiRequest request = ApiRequest.absolute("GET", url)
        .header("X-Databricks-Metadata-Version", "1")
        .header("X-Databricks-Host", host)
        .idempotent(true)
        .secretTarget()
        .build();
    return context.send(request, BodyReader.json(TokenResponse.class))
        .thenApply(r -> r.body().toToken(context.clock().instant(), "the metadata service"));
  }

  @Override
  public String toString() {
    return "MetadataServiceCredentials[url=***]";
  }
}

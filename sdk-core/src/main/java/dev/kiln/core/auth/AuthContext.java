package dev.kiln.core.auth;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** What a {@link CredentialsProvider} may use: the workspace host, the clock, and unauthenticated calls. */
public interface AuthContext {
  /**
   * The workspace URL the credentials are for; token requests to the workspace resolve against it.
   */
  URI host();

  /** The client's clock, for reading token expiry and deciding when to refresh. */
  Clock clock();

  /** Sends a request without credentials through the client's retries and error mapping. */
  <T> CompletableFuture<ApiResponse<T>> send(ApiRequest request, BodyReader<T> reader);
}

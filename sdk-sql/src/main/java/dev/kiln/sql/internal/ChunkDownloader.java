package dev.kiln.sql.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.sql.model.ExternalLink;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Sends the request for one presigned link and hands its body to a {@link ChunkBytes}. The request
 * goes through the core client as an absolute request, so it carries the link's own headers but
 * never the workspace token; core retries it on 5xx and resets like any GET. Failures a fresh link
 * may fix come back as {@link LinkFailure}.
 */
final class ChunkDownloader {
  private final DatabricksClient db;
  private final ClientInternals internals;
  private final Duration idleTimeout;

  ChunkDownloader(DatabricksClient db, Duration idleTimeout) {
    this.db = db;
    this.internals = ClientInternals.of(db);
    this.idleTimeout = idleTimeout;
  }

  ClientInternals internals() {
    return internals;
  }

  /**
   * Sends the request on the calling thread (a worker's: waiting there for the headers skips the JDK
   * client's hop through the common pool per async answer, which on a machine of 2 CPUs starts a thread per
   * answer), then hands the body to {@code into}, whose pump reads it. Closing {@code scope} interrupts the wait.
   */
  void send(ExternalLink link, InFlight scope, ChunkBytes into) {
    if (scope.isClosed()) {
      into.fail(InFlight.closedError());
      return;
    }
    ApiRequest request;
    try {
      // The request's timeout is core's silence limit for headers and body alike: a download that
      // stops sending (while the reader wants bytes) ends with an IOException and is fetched again.
      request = ApiRequest.absolute("GET", URI.create(link.externalLink())).headers(link.httpHeaders())
          .timeout(idleTimeout).build();
    } catch (IllegalArgumentException e) {
      // The URL is a credential: name the chunk, not the link.
      into.fail(new DatabricksClientException("chunk " + link.chunkIndex() + " has a malformed external link"));
      return;
    }
    ApiResponse<InputStream> response;
    try (InFlight.BlockingCall call = scope.blockingCall()) {
      response = db.send(request, BodyReader.inputStream());
    } catch (RuntimeException e) {
      into.fail(scope.isClosed() ? InFlight.closedError() : asLinkFailureIfRefreshable(e));
      return;
    }
    InputStream in = response.body();
    try {
      Closeable untrack = scope.track(in); // closing the scope closes the stream, aborting the read
      into.downloaded().whenComplete((v, x) -> closeQuietly(untrack));
    } catch (IOException closedMeanwhile) {
      into.fail(InFlight.closedError());
      return;
    }
    into.start(in);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // only forgets the stream
    }
  }

  /** 400/403/404/410 from the storage service mean an expired or revoked link. */
  private static RuntimeException asLinkFailureIfRefreshable(Throwable e) {
    if (e instanceof DatabricksServiceException) {
      int status = ((DatabricksServiceException) e).statusCode();
      if (status == 400 || status == 403 || status == 404 || status == 410) {
        return new LinkFailure(e);
      }
    }
    return e instanceof RuntimeException ? (RuntimeException) e : new CompletionException(e);
  }
}

package dev.kiln.sql.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.sql.model.ExternalLink;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * Downloads one presigned link and parses the body as it streams in. The request goes through the
 * core client as an absolute request, so it carries the link's own headers but never the workspace
 * token; core retries it on 5xx and resets like any GET. Failures a fresh link may fix come back as
 * {@link LinkFailure}.
 */
final class ChunkDownloader {
  private final DatabricksClient db;
  private final ClientInternals internals;
  private final IntFunction<ChunkParser> parserForChunk;
  private final Duration idleTimeout;

  ChunkDownloader(DatabricksClient db, IntFunction<ChunkParser> parserForChunk, Duration idleTimeout) {
    this.db = db;
    this.internals = ClientInternals.of(db);
    this.parserForChunk = parserForChunk;
    this.idleTimeout = idleTimeout;
  }

  CompletableFuture<List<String[]>> download(ExternalLink link, InFlight scope) {
    if (scope.isClosed()) {
      return CompletableFuture.failedFuture(new CancellationException("the reader was closed"));
    }
    ApiRequest request;
    try {
      request = ApiRequest.absolute("GET", URI.create(link.externalLink())).headers(link.httpHeaders()).build();
    } catch (IllegalArgumentException e) {
      // The URL is a credential: name the chunk, not the link.
      throw new DatabricksClientException("chunk " + link.chunkIndex() + " has a malformed external link");
    }
    ChunkParser parser = parserForChunk.apply(link.chunkIndex());
    CompletableFuture<ApiResponse<InputStream>> response = scope.track(db.sendAsync(request, BodyReader.inputStream()))
        .handle((r, e) -> {
          if (e != null) {
            throw asLinkFailureIfRefreshable(Futures.unwrap(e));
          }
          return r;
        });
    return response.thenApplyAsync(r -> parse(r.body(), parser, link.chunkIndex(), scope), internals.executor());
  }

  private List<String[]> parse(InputStream body, ChunkParser parser, int chunkIndex, InFlight scope) {
    try (InputStream in = new StallGuardedStream(body, idleTimeout, internals.scheduler())) {
      Closeable untrack = scope.track(in); // closing the scope closes the stream, aborting the read
      try {
        return parser.parse(in, scope::isClosed);
      } finally {
        untrack.close();
      }
    } catch (IOException e) {
      // Cut-off or garbled body: worth one more try with a fresh link.
      throw new LinkFailure(new DatabricksClientException("reading chunk " + chunkIndex + " failed: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e));
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

package dev.kiln.files;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.files.internal.CountingInputStream;
import dev.kiln.files.internal.FilePaths;
import dev.kiln.files.internal.FilesWire;
import dev.kiln.files.internal.Progress;
import dev.kiln.files.internal.ResumingDownload;
import dev.kiln.files.model.DirectoryEntry;
import dev.kiln.files.model.FileMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The Files API for Unity Catalog volumes ({@code /api/2.0/fs/files}, {@code /api/2.0/fs/directories}).
 * Paths are {@code /Volumes/<catalog>/<schema>/<volume>/...}; each segment is percent-encoded and
 * anything else is refused with {@code InvalidRequestException} before anything is sent.
 *
 * <p>Uploads stream the body from the caller's stream as it is sent (never buffered whole; at most
 * 5 GiB per file). Downloads are streams that resume with a {@code Range} request when the
 * connection drops ({@link FilesOptions#downloadResumeAttempts()}). Thread-safe; every remote call
 * has an {@code *Async} twin that never throws.
 */
public final class VolumeFilesClient {
  /** The Files API's limit for one upload: 5 GiB. */
  public static final long MAX_UPLOAD_BYTES = 5L << 30;

  private static final String FILES = "/api/2.0/fs/files/Volumes";
  private static final String DIRECTORIES = "/api/2.0/fs/directories/Volumes";

  private final DatabricksClient db;
  private final FilesOptions options;

  private VolumeFilesClient(DatabricksClient db, FilesOptions options) {
    this.db = db;
    this.options = options;
  }

  /**
   * A volume files client over {@code db} with {@link FilesOptions#defaults()}.
   *
   * @param db the workspace client to send through; not null
   * @return the client
   */
  public static VolumeFilesClient create(DatabricksClient db) {
    return create(db, FilesOptions.defaults());
  }

  /**
   * A volume files client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options page size, resume attempts and transfer timeout; not null
   * @return the client
   * @throws dev.kiln.core.error.InvalidRequestException if either argument is null
   */
  public static VolumeFilesClient create(DatabricksClient db, FilesOptions options) {
    return new VolumeFilesClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public FilesOptions options() {
    return options;
  }

  // ---- files -----------------------------------------------------------------------------------

  /**
   * Uploads {@code content} (read as it is sent, not closed) to {@code path}; an existing file is
   * replaced only with {@code overwrite}. The body cannot be replayed, so the upload is not retried
   * once any of it was sent.
   */
  public void upload(String path, InputStream content, boolean overwrite) {
    Calls.join(uploadAsync(path, content, overwrite));
  }

  /**
   * As {@link #upload(String, InputStream, boolean)}, without blocking.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param content sent as it is read, not closed
   * @param overwrite whether an existing file is replaced
   * @return completes when the server has the whole file
   */
  public CompletableFuture<Void> uploadAsync(String path, InputStream content, boolean overwrite) {
    return uploadAsync(path, content, overwrite, TransferListener.NONE);
  }

  /**
   * As {@link #upload(String, InputStream, boolean)}, telling {@code listener} the bytes sent so
   * far (the total is unknown).
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param content sent as it is read, not closed
   * @param overwrite whether an existing file is replaced
   * @param listener told the bytes sent so far; not null
   */
  public void upload(String path, InputStream content, boolean overwrite, TransferListener listener) {
    Calls.join(uploadAsync(path, content, overwrite, listener));
  }

  /**
   * As {@link #upload(String, InputStream, boolean, TransferListener)}, without blocking.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param content sent as it is read, not closed
   * @param overwrite whether an existing file is replaced
   * @param listener told the bytes sent so far; not null
   * @return completes when the server has the whole file
   */
  public CompletableFuture<Void> uploadAsync(String path, InputStream content, boolean overwrite,
      TransferListener listener) {
    return Calls.async(() -> {
      List<String> segments = FilePaths.volume(path, "path", false);
      Args.notNull(content, "content");
      Args.notNull(listener, "listener");
      Progress progress = new Progress(listener, -1);
      OneShot source = new OneShot(content, progress);
      return put(segments, source, -1, overwrite, false);
    });
  }

  /** Uploads a local file, with its length known (so progress has a total) and safe to re-send. */
  public void uploadFile(String path, Path source, boolean overwrite, TransferListener listener) {
    Calls.join(uploadFileAsync(path, source, overwrite, listener));
  }

  /**
   * As {@link #uploadFile(String, Path, boolean, TransferListener)}, without blocking; a missing or
   * over-5 GiB file fails the future before anything is sent.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param source the local file to send
   * @param overwrite whether an existing file is replaced
   * @param listener told the bytes sent and the file's size; not null
   * @return completes when the server has the whole file
   */
  public CompletableFuture<Void> uploadFileAsync(String path, Path source, boolean overwrite, TransferListener listener) {
    return Calls.async(() -> {
      List<String> segments = FilePaths.volume(path, "path", false);
      Args.notNull(source, "source");
      Args.notNull(listener, "listener");
      long size;
      try {
        size = Files.size(source);
      } catch (IOException e) {
        throw new DatabricksClientException("cannot read " + source + ": " + e.getMessage(), e);
      }
      if (size > MAX_UPLOAD_BYTES) {
        throw new dev.kiln.core.error.InvalidRequestException(source + " is " + size + " bytes; a volume file is at most " + MAX_UPLOAD_BYTES);
      }
      Progress progress = new Progress(listener, size);
      Supplier<InputStream> open = () -> {
        progress.restart(); // each attempt sends the file from its start
        try {
          return new CountingInputStream(Files.newInputStream(source), progress, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      return put(segments, open, size, overwrite, true);
    });
  }

  private CompletableFuture<Void> put(List<String> segments, Supplier<InputStream> body, long length, boolean overwrite,
      boolean repeatable) {
    ApiRequest request = ApiRequest.put(template(FILES, segments), segments.toArray(new String[0]))
        .query("overwrite", overwrite)
        .streamBody(body, length, "application/octet-stream")
        .idempotent(repeatable)
        .timeout(options.transferTimeout()) // the JDK's wait for the answer includes sending the body
        .overallTimeout(options.transferTimeout())
        .build();
    return Futures.map(db.sendAsync(request, BodyReader.discard()), r -> null);
  }

  /**
   * The file's content as a stream, handed over when the headers arrive. When the connection drops
   * the stream asks for the rest with a {@code Range} request; the caller sees one unbroken stream.
   * Close it when done.
   */
  public InputStream download(String path) {
    return Calls.join(downloadAsync(path));
  }

  /**
   * As {@link #download(String)}, without blocking: completes when the response headers arrive.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @return completes with the resuming content stream
   */
  public CompletableFuture<InputStream> downloadAsync(String path) {
    return downloadAsync(path, TransferListener.NONE);
  }

  /**
   * As {@link #download(String)}, telling {@code listener} the bytes read so far and the
   * {@code Content-Length}.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param listener told the progress as the stream is read; not null
   * @return the content as a stream that resumes after a dropped connection; close it when done
   */
  public InputStream download(String path, TransferListener listener) {
    return Calls.join(downloadAsync(path, listener));
  }

  /**
   * As {@link #download(String, TransferListener)}, without blocking.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @param listener told the progress as the stream is read; not null
   * @return completes with the resuming content stream
   */
  public CompletableFuture<InputStream> downloadAsync(String path, TransferListener listener) {
    return Calls.async(() -> {
      List<String> segments = FilePaths.volume(path, "path", false);
      Args.notNull(listener, "listener");
      return Futures.map(db.sendAsync(get(segments, -1, null), BodyReader.inputStream()), first -> {
        Progress progress = new Progress(listener, ResumingDownload.contentLength(first).orElse(-1));
        return new ResumingDownload(first,
            (offset, unmodifiedSince) -> db.send(get(segments, offset, unmodifiedSince), BodyReader.inputStream()),
            options.downloadResumeAttempts(), attempt -> pause(), progress);
      });
    });
  }

  private ApiRequest get(List<String> segments, long offset, String unmodifiedSince) {
    ApiRequest.Builder b = ApiRequest.get(template(FILES, segments), segments.toArray(new String[0]))
        .header("Accept", "application/octet-stream")
        .overallTimeout(options.transferTimeout());
    if (offset > 0) {
      b.header("Range", "bytes=" + offset + "-");
    }
    if (unmodifiedSince != null) {
      b.header("If-Unmodified-Since", unmodifiedSince);
    }
    return b.build();
  }

  private void pause() {
    Duration delay = options.resumeDelay();
    if (!delay.isZero()) {
      Calls.join(ClientInternals.of(db).sleeper().sleep(delay));
    }
  }

  /** The file's length, type and modification time ({@code HEAD}). */
  public FileMetadata getMetadata(String path) {
    return Calls.join(getMetadataAsync(path));
  }

  /**
   * As {@link #getMetadata(String)}, without blocking.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @return completes with the file's length, type and modification time
   */
  public CompletableFuture<FileMetadata> getMetadataAsync(String path) {
    return Calls.async(() -> {
      List<String> segments = FilePaths.volume(path, "path", false);
      return Futures.map(db.sendAsync(ApiRequest.head(template(FILES, segments), segments.toArray(new String[0])).build(),
          BodyReader.discard()), VolumeFilesClient::metadata);
    });
  }

  private static FileMetadata metadata(ApiResponse<?> r) {
    Optional<String> modified = r.header("Last-Modified");
    return FileMetadata.builder()
        .contentLength(ResumingDownload.contentLength(r).orElse(0))
        .contentType(r.header("Content-Type"))
        .rawLastModified(modified)
        .lastModified(modified.flatMap(VolumeFilesClient::httpDate))
        .build();
  }

  private static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes one file (directories are removed with {@link #deleteDirectory(String)}). A missing
   * file is an error, not a success.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   */
  public void delete(String path) {
    Calls.join(deleteAsync(path));
  }

  /**
   * As {@link #delete(String)}, without blocking.
   *
   * @param path {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @return completes when the file is gone
   */
  public CompletableFuture<Void> deleteAsync(String path) {
    return Calls.async(() -> {
      List<String> segments = FilePaths.volume(path, "path", false);
      return Futures.map(db.sendAsync(ApiRequest.delete(template(FILES, segments), segments.toArray(new String[0])).build(),
          BodyReader.discard()), r -> null);
    });
  }

  // ---- directories -----------------------------------------------------------------------------

  /** Creates the directory and its parents; succeeds when it exists already. */
  public void createDirectory(String path) {
    Calls.join(createDirectoryAsync(path));
  }

  /**
   * As {@link #createDirectory(String)}, without blocking.
   *
   * @param path the directory, {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @return completes when the directory exists
   */
  public CompletableFuture<Void> createDirectoryAsync(String path) {
    return Calls.async(() -> directory("PUT", FilePaths.volume(path, "path", true)));
  }

  /** Deletes an empty directory. */
  public void deleteDirectory(String path) {
    Calls.join(deleteDirectoryAsync(path));
  }

  /**
   * As {@link #deleteDirectory(String)}, without blocking.
   *
   * @param path the empty directory to delete
   * @return completes when the directory is gone
   */
  public CompletableFuture<Void> deleteDirectoryAsync(String path) {
    return Calls.async(() -> directory("DELETE", FilePaths.volume(path, "path", true)));
  }

  /** Whether the directory exists ({@code HEAD}). */
  public boolean directoryExists(String path) {
    return Calls.join(directoryExistsAsync(path));
  }

  /**
   * As {@link #directoryExists(String)}, without blocking; 404 completes it with {@code false}, any
   * other error fails it.
   *
   * @param path the directory, {@code /Volumes/<catalog>/<schema>/<volume>/...}
   * @return completes with whether the directory exists
   */
  public CompletableFuture<Boolean> directoryExistsAsync(String path) {
    return Calls.async(() -> {
      CompletableFuture<Void> head = directory("HEAD", FilePaths.volume(path, "path", true));
      return head.handle((ok, error) -> {
        if (error == null) {
          return true;
        }
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof NotFoundException || cause instanceof ResourceDoesNotExistException) {
          return false;
        }
        throw cause instanceof RuntimeException ? (RuntimeException) cause : new DatabricksClientException(cause.toString(), cause);
      });
    });
  }

  private CompletableFuture<Void> directory(String method, List<String> segments) {
    String template = template(DIRECTORIES, segments);
    String[] values = segments.toArray(new String[0]);
    ApiRequest.Builder b;
    switch (method) {
      case "PUT":
        b = ApiRequest.put(template, values);
        break;
      case "DELETE":
        b = ApiRequest.delete(template, values);
        break;
      default:
        b = ApiRequest.head(template, values);
    }
    return Futures.map(db.sendAsync(b.build(), BodyReader.discard()), r -> null);
  }

  /**
   * The entries of a directory, page by page ({@link FilesOptions#directoryPageSize()} asked per
   * request) as iteration goes; a short page is not the end, only a missing token is.
   */
  public PagedIterable<DirectoryEntry> list(String path) {
    List<String> segments = FilePaths.volume(path, "path", true);
    String template = template(DIRECTORIES, segments);
    String[] values = segments.toArray(new String[0]);
    return PagedIterable.of(token -> {
      FilesWire.DirectoryPage page = db.call(ApiRequest.get(template, values)
          .query("page_size", options.directoryPageSize()).query("page_token", token).build(), FilesWire.DirectoryPage.class);
      return Page.of(page.contents, page.nextPageToken);
    });
  }

  /** {@code /api/2.0/fs/files/Volumes/{path}/{path}/...}: one placeholder per segment, each encoded. */
  private static String template(String base, List<String> segments) {
    return base + "/{path}".repeat(segments.size());
  }

  /**
   * The caller's stream as a body that can be sent once: asked again (a retry) before any byte was
   * read, it gives the same stream; after that it fails, since those bytes are gone.
   */
  private static final class OneShot implements Supplier<InputStream> {
    private final CountingInputStream stream;
    private final AtomicBoolean handedOut = new AtomicBoolean();

    OneShot(InputStream content, Progress progress) {
      this.stream = new CountingInputStream(content, progress, false);
    }

    @Override
    public InputStream get() {
      if (handedOut.getAndSet(true) && stream.progress().transferred() > 0) {
        throw new UncheckedIOException(new IOException("the upload body was already partly sent and cannot be replayed"));
      }
      return stream;
    }
  }
}

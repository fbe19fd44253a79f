package dev.kiln.files;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.files.internal.CountingInputStream;
import dev.kiln.files.internal.FilePaths;
import dev.kiln.files.internal.Progress;
import dev.kiln.files.internal.ResumingDownload;
import dev.kiln.files.internal.FilesWire;
import dev.kiln.files.internal.TreeListing;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.Language;
import dev.kiln.files.model.WorkspaceObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Workspace 2.0 ({@code /api/2.0/workspace/...}): the tree of notebooks, files, directories and
 * repos. Paths are absolute ({@code /Workspace/Users/...}, {@code /Users/...}, {@code /Shared/...});
 * anything else is refused with {@code InvalidRequestException} before anything is sent. Imports
 * and exports are limited to 10 MB by the service; larger content is refused before it is sent.
 * Thread-safe; every remote call has an {@code *Async} twin that never throws.
 */
public final class WorkspaceFilesClient {
  /** The service's limit for one import or export (MAX_NOTEBOOK_SIZE_EXCEEDED beyond). */
  public static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

  private static final String BASE = "/api/2.0/workspace/";

  private final DatabricksClient db;
  private final FilesOptions options;

  private WorkspaceFilesClient(DatabricksClient db, FilesOptions options) {
    this.db = db;
    this.options = options;
  }

  /**
   * A workspace files client over {@code db} with {@link FilesOptions#defaults()}.
   *
   * @param db the workspace client to send through; not null
   * @return the client
   */
  public static WorkspaceFilesClient create(DatabricksClient db) {
    return create(db, FilesOptions.defaults());
  }

  /**
   * A workspace files client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options the transfer timeout for streamed exports; not null
   * @return the client
   * @throws dev.kiln.core.error.InvalidRequestException if either argument is null
   */
  public static WorkspaceFilesClient create(DatabricksClient db, FilesOptions options) {
    return new WorkspaceFilesClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public FilesOptions options() {
    return options;
  }

  /** The objects in one directory, fetched when iteration starts. */
  public PagedIterable<WorkspaceObject> list(String path) {
    return list(path, false);
  }

  /**
   * The objects under {@code path}, one directory per request as iteration reaches it;
   * {@code recursive} descends into directories and repos (breadth first).
   */
  public PagedIterable<WorkspaceObject> list(String path, boolean recursive) {
    String p = FilePaths.workspace(path, "path");
    return TreeListing.of(p, recursive, dir -> Calls.join(listDirectory(dir)),
        o -> o.isDirectory() ? Optional.of(o.path()) : Optional.empty());
  }

  /** One directory's objects in a single request (the Workspace API does not page). */
  public CompletableFuture<List<WorkspaceObject>> listAsync(String path) {
    return Calls.async(() -> listDirectory(FilePaths.workspace(path, "path")));
  }

  private CompletableFuture<List<WorkspaceObject>> listDirectory(String path) {
    return Futures.map(db.callAsync(ApiRequest.get(BASE + "list").query("path", path).build(), FilesWire.ObjectList.class),
        l -> l.objects);
  }

  /**
   * Type, id, language and size of one workspace object ({@code get-status}).
   *
   * @param path an absolute workspace path
   * @return the object
   * @throws dev.kiln.core.error.ResourceDoesNotExistException if nothing is at {@code path}
   */
  public WorkspaceObject getStatus(String path) {
    return Calls.join(getStatusAsync(path));
  }

  /**
   * As {@link #getStatus(String)}, without blocking.
   *
   * @param path an absolute workspace path
   * @return completes with the object
   */
  public CompletableFuture<WorkspaceObject> getStatusAsync(String path) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(BASE + "get-status")
        .query("path", FilePaths.workspace(path, "path")).build(), WorkspaceObject.class));
  }

  /** Creates the directory and its parents. */
  public void mkdirs(String path) {
    Calls.join(mkdirsAsync(path));
  }

  /**
   * As {@link #mkdirs(String)}, without blocking.
   *
   * @param path the directory to create
   * @return completes when the directory exists
   */
  public CompletableFuture<Void> mkdirsAsync(String path) {
    return Calls.async(() -> post("mkdirs", new FilesWire.PathBody(FilePaths.workspace(path, "path"), null), true));
  }

  /** Deletes an object; a non-empty directory needs {@code recursive} (else DIRECTORY_NOT_EMPTY). */
  public void delete(String path, boolean recursive) {
    Calls.join(deleteAsync(path, recursive));
  }

  /**
   * As {@link #delete(String, boolean)}, without blocking.
   *
   * @param path the object to delete
   * @param recursive whether a non-empty directory is deleted with its contents
   * @return completes when the object is gone
   */
  public CompletableFuture<Void> deleteAsync(String path, boolean recursive) {
    return Calls.async(() -> post("delete", new FilesWire.PathBody(FilePaths.workspace(path, "path"), recursive), true));
  }

  // ---- import ----------------------------------------------------------------------------------

  /**
   * Imports a notebook or file. {@code language} is required for {@link ExportFormat#SOURCE} and may
   * be null otherwise; {@code content} is at most 10 MB.
   */
  public void importFile(String path, ExportFormat format, Language language, byte[] content, boolean overwrite) {
    Calls.join(importFileAsync(path, format, language, content, overwrite));
  }

  /**
   * As {@link #importFile(String, ExportFormat, Language, byte[], boolean)}, without blocking; bad
   * arguments (SOURCE without a language, {@link Language#UNKNOWN}, over 10 MB) fail the future
   * before anything is sent.
   *
   * @param path where the object is created
   * @param format how {@code content} is encoded
   * @param language the notebook's language; needed for {@link ExportFormat#SOURCE}, else may be
   *     null
   * @param content the object's bytes, at most {@link #MAX_IMPORT_BYTES}
   * @param overwrite whether an existing object is replaced
   * @return completes when imported
   */
  public CompletableFuture<Void> importFileAsync(String path, ExportFormat format, Language language, byte[] content,
      boolean overwrite) {
    return Calls.async(() -> {
      FilesWire.ImportBody body = importBody(path, format, language, content, overwrite);
      return post("import", body, false);
    });
  }

  /** As {@link #importFile(String, ExportFormat, Language, byte[], boolean)}, reading a local file. */
  public void importFile(String path, ExportFormat format, Language language, Path source, boolean overwrite) {
    Calls.join(importFileAsync(path, format, language, source, overwrite));
  }

  /**
   * As {@link #importFile(String, ExportFormat, Language, Path, boolean)}, without blocking; the
   * file is read on the client's executor.
   *
   * @param path where the object is created
   * @param format how the file is encoded
   * @param language the notebook's language; needed for {@link ExportFormat#SOURCE}, else may be
   *     null
   * @param source the local file, at most {@link #MAX_IMPORT_BYTES}
   * @param overwrite whether an existing object is replaced
   * @return completes when imported
   */
  public CompletableFuture<Void> importFileAsync(String path, ExportFormat format, Language language, Path source,
      boolean overwrite) {
    return Calls.async(() -> importLocal(path, format, language, source, "source", overwrite, () -> {
      long size = Files.size(source);
      if (size > MAX_IMPORT_BYTES) {
        throw tooLarge(size);
      }
      return Files.readAllBytes(source);
    }));
  }

  /** As {@link #importFile(String, ExportFormat, Language, byte[], boolean)}, reading (not closing) a stream. */
  public void importFile(String path, ExportFormat format, Language language, InputStream source, boolean overwrite) {
    Calls.join(importFileAsync(path, format, language, source, overwrite));
  }

  /**
   * As {@link #importFile(String, ExportFormat, Language, InputStream, boolean)}, without blocking;
   * the stream is read on the client's executor.
   *
   * @param path where the object is created
   * @param format how the content is encoded
   * @param language the notebook's language; needed for {@link ExportFormat#SOURCE}, else may be
   *     null
   * @param source read to its end (at most {@link #MAX_IMPORT_BYTES}), not closed
   * @param overwrite whether an existing object is replaced
   * @return completes when imported
   */
  public CompletableFuture<Void> importFileAsync(String path, ExportFormat format, Language language, InputStream source,
      boolean overwrite) {
    return Calls.async(() -> importLocal(path, format, language, source, "source", overwrite, () -> {
      byte[] bytes = source.readNBytes(MAX_IMPORT_BYTES + 1); // one more tells "too large" without reading on
      if (bytes.length > MAX_IMPORT_BYTES) {
        throw tooLarge(bytes.length);
      }
      return bytes;
    }));
  }

  /**
   * As {@link #importFile(String, ExportFormat, Language, InputStream, boolean)}, telling {@code listener}
   * the bytes read from {@code source} as it is read, before the one import request.
   */
  public void importFile(String path, ExportFormat format, Language language, InputStream source, boolean overwrite,
      TransferListener listener) {
    Calls.join(importFileAsync(path, format, language, source, overwrite, listener));
  }

  /**
   * As {@link #importFile(String, ExportFormat, Language, InputStream, boolean, TransferListener)},
   * without blocking.
   *
   * @param path where the object is created
   * @param format how the content is encoded
   * @param language the notebook's language; needed for {@link ExportFormat#SOURCE}, else may be
   *     null
   * @param source read to its end (at most {@link #MAX_IMPORT_BYTES}), not closed
   * @param overwrite whether an existing object is replaced
   * @param listener told the bytes read from {@code source}; not null
   * @return completes when imported
   */
  public CompletableFuture<Void> importFileAsync(String path, ExportFormat format, Language language, InputStream source,
      boolean overwrite, TransferListener listener) {
    return Calls.async(() -> {
      Args.notNull(listener, "listener");
      InputStream counted = source == null ? null : new CountingInputStream(source, new Progress(listener, -1), false);
      return importFileAsync(path, format, language, counted, overwrite);
    });
  }

  /** Checks the arguments, reads the content off the caller's thread, then imports it. */
  private CompletableFuture<Void> importLocal(String path, ExportFormat format, Language language, Object source,
      String sourceName, boolean overwrite, LocalRead read) {
    checkImport(path, format, language);
    Args.notNull(source, sourceName);
    return Futures.compose(readLocal(read), bytes -> post("import", importBody(path, format, language, bytes, overwrite), false));
  }

  private static FilesWire.ImportBody importBody(String path, ExportFormat format, Language language, byte[] content,
      boolean overwrite) {
    String p = checkImport(path, format, language);
    Args.notNull(content, "content");
    if (content.length > MAX_IMPORT_BYTES) {
      throw tooLarge(content.length);
    }
    return new FilesWire.ImportBody(p, format.name(), language == null ? null : language.name(),
        Base64.getEncoder().encodeToString(content), overwrite);
  }

  private static String checkImport(String path, ExportFormat format, Language language) {
    String p = FilePaths.workspace(path, "path");
    Args.notNull(format, "format");
    if (language == Language.UNKNOWN) {
      throw new InvalidRequestException("language UNKNOWN cannot be sent; use PYTHON, SCALA, SQL or R");
    }
    if (format == ExportFormat.SOURCE && language == null) {
      throw new InvalidRequestException("format SOURCE needs a language");
    }
    return p;
  }

  private static InvalidRequestException tooLarge(long size) {
    return new InvalidRequestException("the content is " + (size > MAX_IMPORT_BYTES ? "over " : "") + size
        + " bytes; the workspace imports at most " + MAX_IMPORT_BYTES);
  }

  /** Local reads happen on the client's executor for blocking work, off the caller's thread. */
  private CompletableFuture<byte[]> readLocal(LocalRead read) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return read.get();
      } catch (IOException e) {
        throw new DatabricksClientException("reading the content to import failed: " + e.getMessage(), e);
      }
    }, ClientInternals.of(db).executor());
  }

  @FunctionalInterface
  private interface LocalRead {
    byte[] get() throws IOException;
  }

  // ---- export ----------------------------------------------------------------------------------

  /** The object's content in {@code format} (at most 10 MB). */
  public byte[] export(String path, ExportFormat format) {
    return Calls.join(exportAsync(path, format));
  }

  /**
   * As {@link #export(String, ExportFormat)}, without blocking.
   *
   * @param path the object to export
   * @param format the encoding to export in
   * @return completes with the decoded content
   */
  public CompletableFuture<byte[]> exportAsync(String path, ExportFormat format) {
    return Calls.async(() -> {
      String p = FilePaths.workspace(path, "path");
      Args.notNull(format, "format");
      return Futures.map(db.callAsync(ApiRequest.get(BASE + "export").query("path", p).query("format", format.name())
          .build(), FilesWire.Exported.class), e -> Base64.getDecoder().decode(e.content));
    });
  }

  /**
   * The object's content as a stream of the raw bytes ({@code direct_download=true}), handed over
   * when the headers arrive; close it when done.
   */
  public InputStream exportStream(String path, ExportFormat format) {
    return Calls.join(exportStreamAsync(path, format));
  }

  /**
   * As {@link #exportStream(String, ExportFormat)}, without blocking: completes when the response
   * headers arrive.
   *
   * @param path the object to export
   * @param format the encoding to export in
   * @return completes with the raw content as a stream
   */
  public CompletableFuture<InputStream> exportStreamAsync(String path, ExportFormat format) {
    return exportStreamAsync(path, format, TransferListener.NONE);
  }

  /** As {@link #exportStream(String, ExportFormat)}, telling {@code listener} the bytes read (of Content-Length). */
  public InputStream exportStream(String path, ExportFormat format, TransferListener listener) {
    return Calls.join(exportStreamAsync(path, format, listener));
  }

  /**
   * As {@link #exportStream(String, ExportFormat, TransferListener)}, without blocking.
   *
   * @param path the object to export
   * @param format the encoding to export in
   * @param listener told the bytes read and the {@code Content-Length}; not null
   * @return completes with the raw content as a stream
   */
  public CompletableFuture<InputStream> exportStreamAsync(String path, ExportFormat format, TransferListener listener) {
    return Calls.async(() -> {
      String p = FilePaths.workspace(path, "path");
      Args.notNull(format, "format");
      Args.notNull(listener, "listener");
      return Futures.map(db.sendAsync(ApiRequest.get(BASE + "export").query("path", p).query("format", format.name())
          .query("direct_download", true).header("Accept", "*/*").overallTimeout(options.transferTimeout()).build(),
          BodyReader.inputStream()), r -> new CountingInputStream(r.body(),
              new Progress(listener, ResumingDownload.contentLength(r).orElse(-1)), true));
    });
  }

  private CompletableFuture<Void> post(String call, Object body, boolean idempotent) {
    return Futures.map(db.sendAsync(ApiRequest.post(BASE + call).jsonBody(body).idempotent(idempotent).build(),
        BodyReader.discard()), r -> null);
  }
}

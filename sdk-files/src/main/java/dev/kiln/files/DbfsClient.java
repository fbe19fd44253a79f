package dev.kiln.files;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.files.internal.BlockReadStream;
import dev.kiln.files.internal.FilePaths;
import dev.kiln.files.internal.FilesWire;
import dev.kiln.files.internal.Progress;
import dev.kiln.files.internal.TreeListing;
import dev.kiln.files.model.DbfsFileInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * DBFS 2.0 ({@code /api/2.0/dbfs/...}): list, status, mkdirs, delete, move, and streamed reads and
 * writes. Paths are {@code dbfs:/a/b} or {@code /a/b}; anything else (relative, {@code ..}, empty
 * segments) is refused with {@code InvalidRequestException} before anything is sent. Thread-safe;
 * a thin layer over a {@link DatabricksClient}. Every remote call has an {@code *Async} twin that
 * never throws.
 *
 * <p>{@link #write} streams any size through {@code create}/{@code add-block}/{@code close} in
 * blocks of {@link FilesOptions#dbfsBlockSize()} (1 MB), reading the next block only after the
 * previous one was accepted, so a 1 GB file never sits in memory. {@link #read} pages through
 * {@code read} calls the same way. {@code add-block} is never re-sent after an unclear failure (it
 * would append twice): a failed write leaves a partial file behind, which the caller may delete.
 */
public final class DbfsClient {
  private static final String BASE = "/api/2.0/dbfs/";

  private final DatabricksClient db;
  private final FilesOptions options;

  private DbfsClient(DatabricksClient db, FilesOptions options) {
    this.db = db;
    this.options = options;
  }

  /**
   * A DBFS client over {@code db} with {@link FilesOptions#defaults()}.
   *
   * @param db the workspace client to send through; not null
   * @return the client
   */
  public static DbfsClient create(DatabricksClient db) {
    return create(db, FilesOptions.defaults());
  }

  /**
   * A DBFS client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options block size and delete rounds; not null
   * @return the client
   * @throws dev.kiln.core.error.InvalidRequestException if either argument is null
   */
  public static DbfsClient create(DatabricksClient db, FilesOptions options) {
    return new DbfsClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public FilesOptions options() {
    return options;
  }

  // ---- listing and status ------------------------------------------------------------------

  /** The entries of one directory (or the file itself), lazily; see {@link #list(String, boolean)}. */
  public PagedIterable<DbfsFileInfo> list(String path) {
    return list(path, false);
  }

  /**
   * The entries under {@code path}, fetched one directory per request as iteration reaches it;
   * {@code recursive} descends into every subdirectory (breadth first).
   */
  public PagedIterable<DbfsFileInfo> list(String path, boolean recursive) {
    String p = FilePaths.dbfs(path, "path");
    return TreeListing.of(p, recursive, dir -> Calls.join(listDirectory(dir)),
        f -> f.isDir() ? Optional.of(f.path()) : Optional.empty());
  }

  /** One directory's entries in a single request (DBFS does not page). */
  public CompletableFuture<List<DbfsFileInfo>> listAsync(String path) {
    return Calls.async(() -> listDirectory(FilePaths.dbfs(path, "path")));
  }

  private CompletableFuture<List<DbfsFileInfo>> listDirectory(String path) {
    return Futures.map(db.callAsync(ApiRequest.get(BASE + "list").query("path", path).build(), FilesWire.DbfsList.class),
        l -> l.files);
  }

  /**
   * Status of one file or directory ({@code get-status}).
   *
   * @param path {@code dbfs:/a/b} or {@code /a/b}
   * @return its path, size, directory flag and modification time
   * @throws dev.kiln.core.error.ResourceDoesNotExistException if nothing is at {@code path}
   */
  public DbfsFileInfo getStatus(String path) {
    return Calls.join(getStatusAsync(path));
  }

  /**
   * As {@link #getStatus(String)}, without blocking; a bad path fails the future with
   * {@code InvalidRequestException}.
   *
   * @param path {@code dbfs:/a/b} or {@code /a/b}
   * @return completes with the file's status
   */
  public CompletableFuture<DbfsFileInfo> getStatusAsync(String path) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(BASE + "get-status")
        .query("path", FilePaths.dbfs(path, "path")).build(), DbfsFileInfo.class));
  }

  // ---- directories, delete, move -------------------------------------------------------------

  /** Creates the directory and its parents ({@code mkdir -p}); a file on the way is an error. */
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
    return Calls.async(() -> post("mkdirs", new FilesWire.PathBody(FilePaths.dbfs(path, "path"), null), true));
  }

  /**
   * Deletes a file or directory; a non-empty directory needs {@code recursive}. A large tree makes
   * the server stop with {@code PARTIAL_DELETE} after each round; the delete is repeated up to
   * {@link FilesOptions#partialDeleteRounds()} times until it completes.
   */
  public void delete(String path, boolean recursive) {
    Calls.join(deleteAsync(path, recursive));
  }

  /**
   * As {@link #delete(String, boolean)}, without blocking; repeats {@code PARTIAL_DELETE} rounds
   * the same way.
   *
   * @param path the file or directory to delete
   * @param recursive whether a non-empty directory is deleted with its contents
   * @return completes when everything is gone
   */
  public CompletableFuture<Void> deleteAsync(String path, boolean recursive) {
    return Calls.async(() -> {
      FilesWire.PathBody body = new FilesWire.PathBody(FilePaths.dbfs(path, "path"), recursive);
      return deleteRounds(body, 1);
    });
  }

  private CompletableFuture<Void> deleteRounds(FilesWire.PathBody body, int round) {
    CompletableFuture<Void> attempt = post("delete", body, true);
    return Futures.compose(attempt.handle((ok, error) -> error), error -> {
      if (error == null) {
        return CompletableFuture.completedFuture(null);
      }
      Throwable cause = Futures.unwrap(error);
      if (cause instanceof DatabricksServiceException
          && "PARTIAL_DELETE".equals(((DatabricksServiceException) cause).errorCode())
          && round < options.partialDeleteRounds()) {
        return deleteRounds(body, round + 1);
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  /** Moves a file or directory (recursively); the target must not exist. */
  public void move(String sourcePath, String destinationPath) {
    Calls.join(moveAsync(sourcePath, destinationPath));
  }

  /**
   * As {@link #move(String, String)}, without blocking.
   *
   * @param sourcePath what to move
   * @param destinationPath where to; must not exist
   * @return completes when moved
   */
  public CompletableFuture<Void> moveAsync(String sourcePath, String destinationPath) {
    return Calls.async(() -> post("move", new FilesWire.MoveBody(FilePaths.dbfs(sourcePath, "sourcePath"),
        FilePaths.dbfs(destinationPath, "destinationPath")), false));
  }

  // ---- small files ---------------------------------------------------------------------------

  /** Writes a small file in one request; {@code contents} at most 1 MB (use {@link #write} beyond). */
  public void put(String path, byte[] contents, boolean overwrite) {
    Calls.join(putAsync(path, contents, overwrite));
  }

  /**
   * As {@link #put(String, byte[], boolean)}, without blocking; more than 1 MB fails the future
   * with {@code InvalidRequestException} before anything is sent.
   *
   * @param path the file to write
   * @param contents the whole file, at most {@link FilesOptions#MAX_DBFS_BLOCK} bytes
   * @param overwrite whether an existing file is replaced (else the server answers
   *     RESOURCE_ALREADY_EXISTS)
   * @return completes when written
   */
  public CompletableFuture<Void> putAsync(String path, byte[] contents, boolean overwrite) {
    return Calls.async(() -> {
      String p = FilePaths.dbfs(path, "path");
      checkBlock(contents, "contents");
      return post("put", new FilesWire.PutBody(p, base64(contents, contents.length), overwrite), false);
    });
  }

  /**
   * One {@code read}: up to {@code length} bytes (1 to 1 MB) from {@code offset} (0 or more); an
   * empty array at the end of the file.
   */
  public byte[] readBlock(String path, long offset, int length) {
    return Calls.join(readBlockAsync(path, offset, length));
  }

  /**
   * As {@link #readBlock(String, long, int)}, without blocking.
   *
   * @param path the file to read
   * @param offset the first byte to read, 0 or more
   * @param length the most bytes to return, 1 to 1 MB
   * @return completes with the bytes read; empty at the end of the file
   */
  public CompletableFuture<byte[]> readBlockAsync(String path, long offset, int length) {
    return Calls.async(() -> {
      String p = FilePaths.dbfs(path, "path");
      if (offset < 0) {
        throw new InvalidRequestException("offset must be 0 or more, was " + offset);
      }
      if (length < 1 || length > FilesOptions.MAX_DBFS_BLOCK) {
        throw new InvalidRequestException("length must be 1 to " + FilesOptions.MAX_DBFS_BLOCK + " bytes, was " + length);
      }
      return fetchBlock(p, offset, length);
    });
  }

  private CompletableFuture<byte[]> fetchBlock(String path, long offset, int length) {
    return Futures.map(db.callAsync(ApiRequest.get(BASE + "read").query("path", path).query("offset", offset)
        .query("length", length).build(), FilesWire.ReadBlock.class),
        r -> r.bytesRead == 0 ? new byte[0] : Base64.getDecoder().decode(r.data));
  }

  // ---- streams -------------------------------------------------------------------------------

  /**
   * The file's content as a stream that fetches one block per {@code read} call as it is consumed.
   * Returns after {@code get-status} confirmed it is a file. Errors while reading arrive as Kiln's
   * typed (unchecked) exceptions. Close it when done (it holds no connection between blocks).
   */
  public InputStream read(String path) {
    return Calls.join(readAsync(path));
  }

  /**
   * As {@link #read(String)}, without blocking: completes with the stream once {@code get-status}
   * confirmed a file.
   *
   * @param path the file to read
   * @return completes with the file's content as a stream
   */
  public CompletableFuture<InputStream> readAsync(String path) {
    return readAsync(path, TransferListener.NONE);
  }

  /** As {@link #read(String)}, telling {@code listener} the bytes read so far and the file's size. */
  public InputStream read(String path, TransferListener listener) {
    return Calls.join(readAsync(path, listener));
  }

  /**
   * As {@link #read(String, TransferListener)}, without blocking; a directory fails the future with
   * {@code InvalidRequestException}.
   *
   * @param path the file to read
   * @param listener told the bytes read so far and the file's size; not null
   * @return completes with the file's content as a stream
   */
  public CompletableFuture<InputStream> readAsync(String path, TransferListener listener) {
    return Calls.async(() -> {
      String p = FilePaths.dbfs(path, "path");
      Args.notNull(listener, "listener");
      int blockSize = options.dbfsBlockSize();
      return Futures.map(getStatusAsync(p), status -> {
        if (status.isDir()) {
          throw new InvalidRequestException("dbfs:" + p + " is a directory");
        }
        Progress progress = new Progress(listener, status.fileSize());
        return new BlockReadStream(offset -> Calls.join(fetchBlock(p, offset, blockSize)), progress);
      });
    });
  }

  /**
   * Streams {@code content} into a new file at {@code path} (replacing one only with
   * {@code overwrite}) and returns the bytes written. {@code content} is read one block at a time
   * and is not closed.
   */
  public long write(String path, InputStream content, boolean overwrite) {
    return Calls.join(writeAsync(path, content, overwrite));
  }

  /**
   * As {@link #write(String, InputStream, boolean)}, without blocking.
   *
   * @param path the file to create
   * @param content read one block at a time, not closed
   * @param overwrite whether an existing file is replaced
   * @return completes with the number of bytes written
   */
  public CompletableFuture<Long> writeAsync(String path, InputStream content, boolean overwrite) {
    return writeAsync(path, content, overwrite, TransferListener.NONE);
  }

  /**
   * As {@link #write(String, InputStream, boolean)}, telling {@code listener} the bytes written so
   * far (the total is unknown).
   *
   * @param path the file to create
   * @param content read one block at a time, not closed
   * @param overwrite whether an existing file is replaced
   * @param listener told the bytes sent so far; not null
   * @return the number of bytes written
   */
  public long write(String path, InputStream content, boolean overwrite, TransferListener listener) {
    return Calls.join(writeAsync(path, content, overwrite, listener));
  }

  /** Reads {@code content} on the client's executor for blocking work; never parks a thread on the network. */
  public CompletableFuture<Long> writeAsync(String path, InputStream content, boolean overwrite, TransferListener listener) {
    return Calls.async(() -> {
      String p = FilePaths.dbfs(path, "path");
      Args.notNull(content, "content");
      Args.notNull(listener, "listener");
      BlockWriter writer = new BlockWriter(content, new Progress(listener, -1));
      return Futures.compose(openHandle(p, overwrite), writer::next);
    });
  }

  // ---- the streaming upload's three calls, for callers that produce blocks themselves ---------

  /** Opens a streaming upload ({@code create}) and returns its handle (it expires after 10 min idle). */
  public long createHandle(String path, boolean overwrite) {
    return Calls.join(createHandleAsync(path, overwrite));
  }

  /**
   * As {@link #createHandle(String, boolean)}, without blocking.
   *
   * @param path the file to create
   * @param overwrite whether an existing file is replaced
   * @return completes with the upload's handle
   */
  public CompletableFuture<Long> createHandleAsync(String path, boolean overwrite) {
    return Calls.async(() -> openHandle(FilePaths.dbfs(path, "path"), overwrite));
  }

  private CompletableFuture<Long> openHandle(String path, boolean overwrite) {
    return Futures.map(db.callAsync(ApiRequest.post(BASE + "create").jsonBody(new FilesWire.PutBody(path, null, overwrite))
        .build(), FilesWire.Handle.class), h -> h.handle);
  }

  /** Appends one block (1 byte to 1 MB) to an open upload. */
  public void addBlock(long handle, byte[] data) {
    Calls.join(addBlockAsync(handle, data));
  }

  /**
   * As {@link #addBlock(long, byte[])}, without blocking; an empty or over-1 MB block fails the
   * future before anything is sent.
   *
   * @param handle from {@link #createHandle(String, boolean)}
   * @param data the bytes to append, 1 byte to 1 MB
   * @return completes when the block was accepted
   */
  public CompletableFuture<Void> addBlockAsync(long handle, byte[] data) {
    return Calls.async(() -> {
      checkHandle(handle);
      checkBlock(data, "data");
      if (data.length == 0) {
        throw new InvalidRequestException("data must not be empty");
      }
      return addBlock(handle, data, data.length);
    });
  }

  private CompletableFuture<Void> addBlock(long handle, byte[] data, int length) {
    return post("add-block", new FilesWire.BlockBody(handle, base64(data, length)), false);
  }

  /** Completes an upload: the file becomes visible. */
  public void closeHandle(long handle) {
    Calls.join(closeHandleAsync(handle));
  }

  /**
   * As {@link #closeHandle(long)}, without blocking.
   *
   * @param handle from {@link #createHandle(String, boolean)}
   * @return completes when the file is visible
   */
  public CompletableFuture<Void> closeHandleAsync(long handle) {
    return Calls.async(() -> {
      checkHandle(handle);
      return post("close", new FilesWire.BlockBody(handle, null), false);
    });
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The upload loop: read a block (off the caller's thread), send it, then read the next. */
  private final class BlockWriter {
    private final InputStream content;
    private final Progress progress;
    private final byte[] buffer = new byte[options.dbfsBlockSize()];

    BlockWriter(InputStream content, Progress progress) {
      this.content = content;
      this.progress = progress;
    }

    CompletableFuture<Long> next(long handle) {
      CompletableFuture<Integer> filled = CompletableFuture.supplyAsync(this::fill, ClientInternals.of(db).executor());
      return Futures.compose(filled, n -> {
        if (n == 0) {
          return Futures.map(post("close", new FilesWire.BlockBody(handle, null), false), v -> progress.transferred());
        }
        return Futures.compose(addBlock(handle, buffer, n), v -> {
          progress.add(n);
          return next(handle);
        });
      });
    }

    /** Reads until the buffer is full or the stream ends; 0 at the end. */
    private int fill() {
      int n = 0;
      try {
        while (n < buffer.length) {
          int r = content.read(buffer, n, buffer.length - n);
          if (r < 0) {
            break;
          }
          n += r;
        }
      } catch (IOException e) {
        throw new DatabricksClientException("reading the content to upload failed: " + e.getMessage(), e);
      }
      return n;
    }
  }

  private CompletableFuture<Void> post(String call, Object body, boolean idempotent) {
    return Futures.map(db.sendAsync(ApiRequest.post(BASE + call).jsonBody(body).idempotent(idempotent).build(),
        BodyReader.discard()), r -> null);
  }

  private static void checkBlock(byte[] data, String name) {
    Args.notNull(data, name);
    if (data.length > FilesOptions.MAX_DBFS_BLOCK) {
      throw new InvalidRequestException(name + " is " + data.length + " bytes; DBFS takes at most "
          + FilesOptions.MAX_DBFS_BLOCK + " per request (stream larger files with write)");
    }
  }

  private static void checkHandle(long handle) {
    if (handle < 0) {
      throw new InvalidRequestException("handle must be 0 or more, was " + handle);
    }
  }

  private static String base64(byte[] data, int length) {
    return Base64.getEncoder().encodeToString(length == data.length ? data : java.util.Arrays.copyOf(data, length));
  }
}

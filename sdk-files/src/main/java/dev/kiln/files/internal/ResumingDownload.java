package dev.kiln.files.internal;

import dev.kiln.core.ApiResponse;
import dev.kiln.core.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download that survives dropped connections: when the body breaks off (an I/O error, a read
 * timeout, or an end before {@code Content-Length}), it asks again for the rest with
 * {@code Range: bytes=<position>-} and {@code If-Unmodified-Since} set to the first answer's
 * {@code Last-Modified}, so a file changed in between fails instead of being spliced. A server that
 * ignores the range (200) is read from the start and the bytes already delivered are skipped.
 */
public final class ResumingDownload extends BulkInputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingDownload.class);

  private final BiFunction<Long, String, ApiResponse<InputStream>> reopen;
  private final Consumer<Integer> pause;
  private final Progress progress;
  private final long length;
  private final String lastModified;
  private final int maxResumes;
  private int resumesUsed;
  private InputStream body;
  private long position;
  private boolean closed;

  /**
   * {@code reopen} sends the ranged GET for (offset, If-Unmodified-Since or null); {@code pause} waits
   * before resume number n.
   */
  public ResumingDownload(ApiResponse<InputStream> first, BiFunction<Long, String, ApiResponse<InputStream>> reopen,
      int resumes, Consumer<Integer> pause, Progress progress) {
    this.body = first.body();
    this.reopen = reopen;
    this.pause = pause;
    this.progress = progress;
    this.length = contentLength(first).orElse(-1);
    this.lastModified = first.header("Last-Modified").orElse(null);
    this.maxResumes = resumes;
  }

  public static OptionalLong contentLength(ApiResponse<?> response) {
    try {
      return response.header("Content-Length").map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the download is closed");
    }
    if (len == 0) {
      return 0;
    }
    while (true) {
      IOException failure;
      try {
        int n = body.read(b, off, len);
        if (n > 0) {
          position += n;
          progress.add(n);
          return n;
        }
        if (n < 0 && (length < 0 || position >= length)) {
          return -1;
        }
        failure = new IOException("the body ended after " + position + " of " + length + " bytes");
      } catch (IOException e) {
        failure = e;
      } catch (TransportException e) {
        failure = new IOException(e.getMessage(), e);
      }
      if (closed || resumesUsed >= maxResumes) {
        throw failure;
      }
      resume(failure);
    }
  }

  private void resume(IOException failure) throws IOException {
    int attempt = ++resumesUsed;
    LOG.debug("download broke off at byte {} ({}); resuming (attempt {})", position, failure.toString(), attempt);
    closeQuietly(body);
    pause.accept(attempt);
    ApiResponse<InputStream> next = reopen.apply(position, lastModified);
    InputStream in = next.body();
    if (next.statusCode() == 200 && position > 0) {
      skipFully(in, position); // the range was ignored: the whole file again
    }
    body = in;
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the file is shorter than before");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly(body);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing a download body failed: {}", e.toString());
    }
  }
}

package dev.kiln.files.internal;

import dev.kiln.files.TransferListener;
import java.util.OptionalLong;

/** Counts the bytes of one transfer and tells its listener. */
public final class Progress {
  private final TransferListener listener;
  private final OptionalLong total;
  private long transferred;

  public Progress(TransferListener listener, long total) {
    this.listener = listener == null ? TransferListener.NONE : listener;
    this.total = total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
  }

  public synchronized void add(long bytes) {
    transferred += bytes;
    listener.onProgress(transferred, total);
  }

  public synchronized long transferred() {
    return transferred;
  }
}

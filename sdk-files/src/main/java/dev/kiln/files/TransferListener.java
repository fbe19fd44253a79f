package dev.kiln.files;

import java.util.OptionalLong;

/**
 * Told how far a transfer has come: after each block or buffer that went over the wire, and once
 * more at the end. Called on the thread doing the transfer; keep it quick and never throw.
 */
@FunctionalInterface
public interface TransferListener {
  /** A listener that ignores every report. */
  TransferListener NONE = (transferred, total) -> {};

  /**
   * {@code transferred} bytes so far (of the file, not of the encoded request); {@code total} when
   * the size is known in advance (a download, or an upload of a local file).
   */
  void onProgress(long transferred, OptionalLong total);
}

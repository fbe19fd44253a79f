package dev.kiln.serving;

import dev.kiln.core.error.DatabricksClientException;

/**
 * A streamed answer stopped (the server closed the connection) before its end marker
 * {@code data: [DONE]} and before any choice reported a {@code finish_reason}: what arrived is only
 * part of the answer. {@link #chunksReceived()} says how many chunks came before the cut; they were
 * already delivered. Calling again sends the request again (and costs tokens again).
 */
public class IncompleteStreamException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** Chunks delivered before the cut. */
  private final int chunksReceived;

  /**
   * Creates the exception.
   *
   * @param message which endpoint's stream stopped early
   * @param chunksReceived chunks delivered before the stream stopped
   */
  public IncompleteStreamException(String message, int chunksReceived) {
    super(message);
    this.chunksReceived = chunksReceived;
  }

  /** Chunks delivered before the stream stopped. */
  public int chunksReceived() {
    return chunksReceived;
  }
}

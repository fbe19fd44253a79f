package dev.kiln.serving.internal;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.TransportException;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.serving.model.ChatCompletionChunk;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads chunks from a blocking event stream on the caller's thread. Closing it (directly, through
 * the Stream's onClose, at the end of the stream, on an error, or when the DatabricksClient closes)
 * closes the body, which releases the connection.
 */
final class ChatChunkIterator implements Iterator<ChatCompletionChunk>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatChunkIterator.class);

  private final SseEventReader reader;
  private final ChatStreamDecoder decoder;
  private final String description;
  private ClientInternals.Registration registration;
  private ChatCompletionChunk pending;
  private boolean finished;
  private volatile boolean closed;
  private volatile String closedBecause;

  ChatChunkIterator(SseEventReader reader, ChatStreamDecoder decoder, String description) {
    this.reader = reader;
    this.decoder = decoder;
    this.description = description;
  }

  /** Closes the stream when the client closes, so no connection outlives the client. */
  void closeWith(DatabricksClient db) {
    registration = ClientInternals.of(db)
        .onClose(() -> closeBecause("the DatabricksClient was closed while " + description + " was being read"));
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (closedBecause != null) {
      throw new ClientClosedException(closedBecause);
    }
    if (finished) {
      return false;
    }
    try {
      SseEvent event = reader.next();
      for (; event != null && !decoder.isEnd(event); event = reader.next()) {
        ChatCompletionChunk chunk = decoder.decode(event);
        if (chunk != null) {
          pending = chunk;
          return true;
        }
      }
      if (closedBecause != null) { // the body ended because the client closed it, not because the answer did
        throw new ClientClosedException(closedBecause);
      }
      if (event == null) {
        decoder.endOfBody(); // cut before [DONE] and any finish_reason: incomplete, not a success
      }
      close();
      return false;
    } catch (IOException e) {
      boolean closedByUser = closed && closedBecause == null;
      close();
      if (closedByUser) {
        return false;
      }
      if (closedBecause != null) {
        ClientClosedException closedError = new ClientClosedException(closedBecause);
        closedError.initCause(e);
        throw closedError;
      }
      throw new TransportException("reading " + description + " failed: " + e, e, 1);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public ChatCompletionChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ChatCompletionChunk chunk = pending;
    pending = null;
    return chunk;
  }

  private void closeBecause(String reason) {
    closedBecause = reason;
    close();
  }

  @Override
  public void close() {
    finished = true;
    if (closed) {
      return;
    }
    closed = true;
    if (registration != null) {
      registration.close();
    }
    try {
      reader.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", description, e.toString());
    }
  }
}

package dev.kiln.serving.internal;

import dev.kiln.core.error.DatabricksClientException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental {@code text/event-stream} parser following the WHATWG HTML "event stream
 * interpretation" rules: bytes in (split anywhere, even inside a UTF-8 sequence or a CRLF pair),
 * events out. Lines end with CRLF, LF or CR; lines starting with ':' are comments (keep-alives);
 * {@code data} lines accumulate joined by '\n'; a blank line dispatches; an event still open when
 * the stream ends is discarded, as the spec says. Not thread-safe: feed it from one thread at a time.
 */
public final class SseParser {
  /** Longest line accepted, so a misbehaving server cannot grow memory without bound. */
  static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private final Consumer<SseEvent> sink;
  private byte[] line = new byte[512];
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventId = "";
  private long reconnectionTimeMillis = -1;

  public SseParser(Consumer<SseEvent> sink) {
    this.sink = sink;
  }

  public void feed(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      accept(buffer.get());
    }
  }

  public void feed(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      accept(bytes[i]);
    }
  }

  /** End of stream: a line or event without its terminating blank line is dropped. */
  public void finish() {
    lineLength = 0;
    data.setLength(0);
    eventType = "";
  }

  /** The last {@code retry:} value in milliseconds, or -1 when the server sent none. */
  public long reconnectionTimeMillis() {
    return reconnectionTimeMillis;
  }

  private void accept(byte b) {
    if (b == '\n') {
      if (afterCr) {
        afterCr = false; // second half of CRLF: the line already ended at CR
        return;
      }
      endLine();
    } else if (b == '\r') {
      afterCr = true;
      endLine();
    } else {
      afterCr = false;
      append(b);
    }
  }

  private void append(byte b) {
    if (lineLength == line.length) {
      if (line.length >= MAX_LINE_BYTES) {
        throw new DatabricksClientException("an event-stream line exceeded " + MAX_LINE_BYTES + " bytes");
      }
      line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
    }
    line[lineLength++] = b;
  }

  private void endLine() {
    // CR and LF never occur inside a UTF-8 sequence, so decoding whole lines is split-safe.
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    if (firstLine) {
      firstLine = false;
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    }
    processLine(text);
  }

  private void processLine(String text) {
    if (text.isEmpty()) {
      dispatch();
      return;
    }
    if (text.charAt(0) == ':') {
      return; // comment, typically a keep-alive
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event":
        eventType = value;
        break;
      case "data":
        data.append(value).append('\n');
        break;
      case "id":
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
        break;
      case "retry":
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 19) {
          reconnectionTimeMillis = Long.parseLong(value);
        }
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private void dispatch() {
    if (data.length() == 0) {
      eventType = "";
      return;
    }
    data.setLength(data.length() - 1); // the '\n' after the last data line
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
    data.setLength(0);
    eventType = "";
    sink.accept(event);
  }
}

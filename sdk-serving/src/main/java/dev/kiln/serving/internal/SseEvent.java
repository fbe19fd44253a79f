package dev.kiln.serving.internal;

/** One dispatched server-sent event. */
public final class SseEvent {
  private final String type;
  private final String data;
  private final String lastEventId;

  public SseEvent(String type, String data, String lastEventId) {
    this.type = type;
    this.data = data;
    this.lastEventId = lastEventId;
  }

  /** The {@code event:} field, or {@code "message"} when none was given. */
  public String type() {
    return type;
  }

  /** The {@code data:} lines joined with '\n'. */
  public String data() {
    return data;
  }

  /** The last {@code id:} seen on the stream so far ("" when none). */
  public String lastEventId() {
    return lastEventId;
  }

  @Override
  public String toString() {
    return "SseEvent[type=" + type + ", id=" + lastEventId + ", " + data.length() + " chars]";
  }
}

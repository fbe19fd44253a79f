package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {logs}} of build-logs and logs. */
public final class LogsBody {
  private final String logs;

  @JsonCreator
  LogsBody(@JsonProperty("logs") String logs) {
    this.logs = logs;
  }

  public String logs() {
    return logs == null ? "" : logs;
  }
}

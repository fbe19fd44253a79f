package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code email_notifications}: who hears of a job's runs. */
@Value.Immutable
@JsonSerialize(as = EmailNotifications.class)
@JsonDeserialize(as = EmailNotifications.class)
abstract class EmailNotificationsDef {
  @JsonProperty("on_start")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onStart();

  @JsonProperty("on_success")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onSuccess();

  @JsonProperty("on_failure")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onFailure();

  @JsonProperty("on_duration_warning_threshold_exceeded")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onDurationWarningThresholdExceeded();

  @JsonProperty("on_streaming_backlog_exceeded")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onStreamingBacklogExceeded();

  @JsonProperty("no_alert_for_skipped_runs")
  public abstract Optional<Boolean> noAlertForSkippedRuns();
}

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
  /** Addresses told when a run starts ({@code on_start}). */
  @JsonProperty("on_start")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onStart();

  /** Addresses told when a run succeeds ({@code on_success}). */
  @JsonProperty("on_success")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onSuccess();

  /** Addresses told when a run fails ({@code on_failure}). */
  @JsonProperty("on_failure")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onFailure();

  /**
   * Addresses told when a run takes longer than the job's {@code RUN_DURATION_SECONDS} health rule
   * ({@code on_duration_warning_threshold_exceeded}).
   */
  @JsonProperty("on_duration_warning_threshold_exceeded")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onDurationWarningThresholdExceeded();

  /**
   * Addresses told when a streaming backlog passes the job's health threshold
   * ({@code on_streaming_backlog_exceeded}).
   */
  @JsonProperty("on_streaming_backlog_exceeded")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> onStreamingBacklogExceeded();

  /**
   * Whether skipped runs send no failure mail ({@code no_alert_for_skipped_runs}); the server's
   * default (false) when absent.
   */
  @JsonProperty("no_alert_for_skipped_runs")
  public abstract Optional<Boolean> noAlertForSkippedRuns();
}

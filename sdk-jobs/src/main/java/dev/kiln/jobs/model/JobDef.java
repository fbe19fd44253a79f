package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A job as {@code get} and {@code list} describe it. */
@Value.Immutable
@JsonSerialize(as = Job.class)
@JsonDeserialize(as = Job.class)
abstract class JobDef {
  /** The job's id ({@code job_id}). */
  @JsonProperty("job_id")
  public abstract long jobId();

  /**
   * The job's settings ({@code settings}); without tasks in a list unless {@code expandTasks} was
   * asked.
   */
  @JsonProperty("settings")
  public abstract Optional<JobSettings> settings();

  /** Epoch milliseconds. */
  @JsonProperty("created_time")
  public abstract Optional<Long> createdTime();

  /** Who created the job ({@code creator_user_name}); absent when that user was deleted. */
  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  /** Whose identity the job's runs use ({@code run_as_user_name}). */
  @JsonProperty("run_as_user_name")
  public abstract Optional<String> runAsUserName();

  /** Set on a page of {@code get}; the client follows it and clears it. */
  @JsonProperty("next_page_token")
  public abstract Optional<String> nextPageToken();

  /**
   * In a list with {@code expand_tasks}: whether the job has more tasks or job clusters than this
   * entry holds ({@code has_more}); {@code get} the job for all of them.
   */
  @JsonProperty("has_more")
  public abstract Optional<Boolean> hasMore();

  /** {@link #createdTime()} as an instant; empty when the server sent none. */
  public Optional<Instant> createdAt() {
    return createdTime().map(Instant::ofEpochMilli);
  }

  /** The job's name, if its settings carry one. */
  public Optional<String> name() {
    return settings().flatMap(JobSettings::name);
  }

  /** The job's tasks (empty in a list without expand_tasks). */
  public List<Task> tasks() {
    return settings().map(JobSettings::tasks).orElse(List.of());
  }
}

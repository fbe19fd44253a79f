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
  @JsonProperty("job_id")
  public abstract long jobId();

  @JsonProperty("settings")
  public abstract Optional<JobSettings> settings();

  /** Epoch milliseconds. */
  @JsonProperty("created_time")
  public abstract Optional<Long> createdTime();

  @JsonProperty("creator_user_name")
  public abstract Optional<String> creatorUserName();

  @JsonProperty("run_as_user_name")
  public abstract Optional<String> runAsUserName();

  /** In a list with expand_tasks: more tasks than this entry holds (get the job for all). */
  /** Set on a page of {@code get}; the client follows it and clears it. */
  @JsonProperty("next_page_token")
  public abstract Optional<String> nextPageToken();

  @JsonProperty("has_more")
  public abstract Optional<Boolean> hasMore();

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

package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A job's settings ({@code settings} when read; {@code new_settings} of reset/update; the body of create). For {@code update}, set only what changes. */
@Value.Immutable
@JsonSerialize(as = JobSettings.class)
@JsonDeserialize(as = JobSettings.class)
abstract class JobSettingsDef {
  @JsonProperty("name")
  public abstract Optional<String> name();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Task> tasks();

  @JsonProperty("job_clusters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobCluster> jobClusters();

  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobParameterDefinition> parameters();

  @JsonProperty("schedule")
  public abstract Optional<CronSchedule> schedule();

  @JsonProperty("max_concurrent_runs")
  public abstract Optional<Integer> maxConcurrentRuns();

  @JsonProperty("timeout_seconds")
  public abstract Optional<Integer> timeoutSeconds();

  @JsonProperty("queue")
  public abstract Optional<QueueSettings> queue();

  @JsonProperty("email_notifications")
  public abstract Optional<EmailNotifications> emailNotifications();

  @JsonProperty("tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> tags();

  @JsonProperty("run_as")
  public abstract Optional<JsonNode> runAs();

  @JsonProperty("environments")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> environments();

  @JsonProperty("git_source")
  public abstract Optional<JsonNode> gitSource();

  @JsonProperty("trigger")
  public abstract Optional<JsonNode> trigger();

  @JsonProperty("health")
  public abstract Optional<JsonNode> health();
}

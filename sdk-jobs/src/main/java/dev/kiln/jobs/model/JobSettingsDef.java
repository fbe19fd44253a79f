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
  /** The job's name ({@code name}); need not be unique. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /** The job's description ({@code description}). */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The tasks ({@code tasks}), keys unique within the job; left out of the request when empty. */
  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Task> tasks();

  /**
   * Clusters shared by the tasks ({@code job_clusters}), named by key; left out of the request when
   * empty.
   */
  @JsonProperty("job_clusters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobCluster> jobClusters();

  /**
   * Job-level parameters with defaults ({@code parameters}); left out of the request when empty.
   */
  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JobParameterDefinition> parameters();

  /** When the job runs by itself ({@code schedule}); only when triggered or run now when absent. */
  @JsonProperty("schedule")
  public abstract Optional<CronSchedule> schedule();

  /**
   * How many runs of the job may be active at once ({@code max_concurrent_runs}); the server's
   * default is 1.
   */
  @JsonProperty("max_concurrent_runs")
  public abstract Optional<Integer> maxConcurrentRuns();

  /**
   * How long each run may take, in seconds ({@code timeout_seconds}); no limit when absent or 0.
   */
  @JsonProperty("timeout_seconds")
  public abstract Optional<Integer> timeoutSeconds();

  /** Whether runs that cannot start yet wait in a queue ({@code queue}). */
  @JsonProperty("queue")
  public abstract Optional<QueueSettings> queue();

  /** Who is mailed about the job's runs ({@code email_notifications}). */
  @JsonProperty("email_notifications")
  public abstract Optional<EmailNotifications> emailNotifications();

  /** Tags on the job and on its job clusters ({@code tags}); left out of the request when empty. */
  @JsonProperty("tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> tags();

  /** The user or service principal the runs act as ({@code run_as}), passed as JSON as it is. */
  @JsonProperty("run_as")
  public abstract Optional<JsonNode> runAs();

  /**
   * The serverless environments tasks refer to by {@code environment_key} ({@code environments}),
   * passed as JSON.
   */
  @JsonProperty("environments")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> environments();

  /** The Git repository the tasks' source files come from ({@code git_source}), passed as JSON. */
  @JsonProperty("git_source")
  public abstract Optional<JsonNode> gitSource();

  /** What starts runs besides the schedule, e.g. file arrival ({@code trigger}), passed as JSON. */
  @JsonProperty("trigger")
  public abstract Optional<JsonNode> trigger();

  /** Health rules such as a run-duration threshold ({@code health}), passed as JSON. */
  @JsonProperty("health")
  public abstract Optional<JsonNode> health();
}

package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A one-time run ({@code runs/submit}): not saved as a job, never retried. Kiln generates the idempotency token when none is set. */
@Value.Immutable
@JsonSerialize(as = SubmitRunRequest.class)
@JsonDeserialize(as = SubmitRunRequest.class)
abstract class SubmitRunRequestDef {
  @JsonProperty("run_name")
  public abstract Optional<String> runName();

  @JsonProperty("tasks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Task> tasks();

  @JsonProperty("timeout_seconds")
  public abstract Optional<Integer> timeoutSeconds();

  @JsonProperty("idempotency_token")
  public abstract Optional<String> idempotencyToken();

  @JsonProperty("email_notifications")
  public abstract Optional<EmailNotifications> emailNotifications();

  @JsonProperty("environments")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> environments();

  @JsonProperty("git_source")
  public abstract Optional<JsonNode> gitSource();

  @JsonProperty("queue")
  public abstract Optional<QueueSettings> queue();

  @JsonProperty("run_as")
  public abstract Optional<JsonNode> runAs();
}

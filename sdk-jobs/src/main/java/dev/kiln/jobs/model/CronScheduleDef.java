package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code schedule}: when the job runs by itself. */
@Value.Immutable
@JsonSerialize(as = CronSchedule.class)
@JsonDeserialize(as = CronSchedule.class)
abstract class CronScheduleDef {
  @JsonProperty("quartz_cron_expression")
  public abstract String quartzCronExpression();

  @JsonProperty("timezone_id")
  public abstract String timezoneId();

  /** {@code PAUSED} or {@code UNPAUSED}. */
  @JsonProperty("pause_status")
  public abstract Optional<String> pauseStatus();
}

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
  /**
   * When the job runs ({@code quartz_cron_expression}), in Quartz cron syntax, e.g.
   * {@code 0 0 6 * * ?} for 06:00 every day.
   */
  @JsonProperty("quartz_cron_expression")
  public abstract String quartzCronExpression();

  /**
   * The time zone the expression is read in ({@code timezone_id}), a Java time zone id such as
   * {@code Europe/Berlin}.
   */
  @JsonProperty("timezone_id")
  public abstract String timezoneId();

  /** {@code PAUSED} or {@code UNPAUSED}. */
  @JsonProperty("pause_status")
  public abstract Optional<String> pauseStatus();
}

package dev.kiln.jobs.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.jobs.model.JobSettings;
import java.util.List;

/** The small request bodies of the Jobs API. */
public final class Bodies {
  private Bodies() {}

  /** {@code {"job_id"}}: delete, cancel-all. */
  public static final class JobId {
    @JsonProperty("job_id")
    public final long jobId;

    public JobId(long jobId) {
      this.jobId = jobId;
    }
  }

  /** {@code {"run_id"}}: cancel, delete a run. */
  public static final class RunId {
    @JsonProperty("run_id")
    public final long runId;

    public RunId(long runId) {
      this.runId = runId;
    }
  }

  /** {@code runs/cancel-all {"all_queued_runs": true}}. */
  public static final class AllQueuedRuns {
    @JsonProperty("all_queued_runs")
    public final boolean allQueuedRuns = true;
  }

  /** {@code reset} and {@code update}. */
  public static final class NewSettings {
    @JsonProperty("job_id")
    public final long jobId;

    @JsonProperty("new_settings")
    public final JobSettings newSettings;

    @JsonProperty("fields_to_remove")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public final List<String> fieldsToRemove;

    public NewSettings(long jobId, JobSettings newSettings, List<String> fieldsToRemove) {
      this.jobId = jobId;
      this.newSettings = newSettings;
      this.fieldsToRemove = fieldsToRemove;
    }
  }
}

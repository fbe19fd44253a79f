package dev.kiln.jobs.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.Run;
import java.util.List;

/** The small reply bodies of the Jobs API. */
public final class Replies {
  private Replies() {}

  /** {@code create} → {@code {"job_id"}}. */
  public static final class Created {
    @JsonProperty("job_id")
    public long jobId;
  }

  /** {@code run-now} and {@code runs/submit} → {@code {"run_id", "number_in_job"}}. */
  public static final class Started {
    @JsonProperty("run_id")
    public long runId;

    @JsonProperty("number_in_job")
    public Long numberInJob;
  }

  /** {@code runs/repair} → {@code {"repair_id"}}. */
  public static final class Repaired {
    @JsonProperty("repair_id")
    public long repairId;
  }

  /** {@code list} → {@code {"jobs", "has_more", "next_page_token"}}; a missing array is empty. */
  public static final class JobList {
    @JsonProperty("jobs")
    public List<Job> jobs = List.of();

    @JsonProperty("has_more")
    public Boolean hasMore;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<Job> toPage() {
      return Page.of(jobs, more(hasMore, nextPageToken));
    }
  }

  /** {@code runs/list} → {@code {"runs", "has_more", "next_page_token"}}. */
  public static final class RunList {
    @JsonProperty("runs")
    public List<Run> runs = List.of();

    @JsonProperty("has_more")
    public Boolean hasMore;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<Run> toPage() {
      return Page.of(runs, more(hasMore, nextPageToken));
    }
  }

  /** The next token, unless {@code has_more} says there is nothing more (an absent flag trusts the token). */
  private static String more(Boolean hasMore, String token) {
    return Boolean.FALSE.equals(hasMore) ? null : token;
  }
}

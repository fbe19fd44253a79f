package dev.kiln.jobs;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;

/**
 * Tuning for {@link JobsClient}: how runs are polled, how long a wait may take, and how many jobs
 * or runs one list request asks for. Immutable;
 * {@code JobsOptions.builder().runTimeout(Duration.ofHours(2)).build()}.
 */
public final class JobsOptions {
  private static final JobsOptions DEFAULTS = builder().build();

  private final Duration pollInitialDelay;
  private final Duration pollMaxDelay;
  private final double pollMultiplier;
  private final Duration runTimeout;
  private final int jobsPageSize;
  private final int runsPageSize;

  private JobsOptions(Builder b) {
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.runTimeout = b.runTimeout;
    this.jobsPageSize = b.jobsPageSize;
    this.runsPageSize = b.runsPageSize;
  }

  /**
   * Run polls 1 s after the start, each gap 1.5 times the last, at most 30 s apart; a wait gives up
   * after 12 hours; lists ask for 100 jobs or 25 runs (the server maxima) per request.
   */
  public static JobsOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .pollInitialDelay(pollInitialDelay)
        .pollMaxDelay(pollMaxDelay)
        .pollMultiplier(pollMultiplier)
        .runTimeout(runTimeout)
        .jobsPageSize(jobsPageSize)
        .runsPageSize(runsPageSize);
  }

  /** Gap before the first poll of a run. */
  public Duration pollInitialDelay() {
    return pollInitialDelay;
  }

  /** Longest gap between two polls. */
  public Duration pollMaxDelay() {
    return pollMaxDelay;
  }

  /** Each gap is the last one times this, up to {@link #pollMaxDelay()}. */
  public double pollMultiplier() {
    return pollMultiplier;
  }

  /**
   * How long {@code RunHandle.await()} waits for a run to end before failing with
   * {@code OperationTimeoutException}; the run itself goes on (cancel it to stop it).
   */
  public Duration runTimeout() {
    return runTimeout;
  }

  /** Jobs per {@code list} request (1 to 100). */
  public int jobsPageSize() {
    return jobsPageSize;
  }

  /** Runs per {@code runs/list} request (1 to 25). */
  public int runsPageSize() {
    return runsPageSize;
  }

  @Override
  public String toString() {
    return "JobsOptions[pollInitialDelay=" + pollInitialDelay + ", pollMaxDelay=" + pollMaxDelay
        + ", pollMultiplier=" + pollMultiplier + ", runTimeout=" + runTimeout + ", jobsPageSize=" + jobsPageSize
        + ", runsPageSize=" + runsPageSize + "]";
  }

  /** Builder for {@link JobsOptions}. */
  public static final class Builder {
    /** At most 2 polls per second per run. */
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(500);

    private Duration pollInitialDelay = Duration.ofSeconds(1);
    private Duration pollMaxDelay = Duration.ofSeconds(30);
    private double pollMultiplier = 1.5;
    private Duration runTimeout = Duration.ofHours(12);
    private int jobsPageSize = 100;
    private int runsPageSize = 25;

    private Builder() {}

    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = atLeast(value, "pollInitialDelay", MIN_POLL_DELAY);
      return this;
    }

    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = atLeast(value, "pollMaxDelay", MIN_POLL_DELAY);
      return this;
    }

    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 10.0);
      return this;
    }

    public Builder runTimeout(Duration value) {
      this.runTimeout = atLeast(value, "runTimeout", Duration.ofMillis(1));
      return this;
    }

    public Builder jobsPageSize(int value) {
      this.jobsPageSize = between(value, "jobsPageSize", 1, 100);
      return this;
    }

    public Builder runsPageSize(int value) {
      this.runsPageSize = between(value, "runsPageSize", 1, 25);
      return this;
    }

    public JobsOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new JobsOptions(this);
    }
  }
}

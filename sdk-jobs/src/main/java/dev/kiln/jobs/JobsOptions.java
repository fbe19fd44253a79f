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

  /**
   * A builder starting from the defaults (see {@link #defaults()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options, to change a few.
   *
   * @return a new builder with every value of this instance
   */
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

  /** Every setting, for logs. */
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

    /**
     * Sets {@link JobsOptions#pollInitialDelay()}.
     *
     * @param value the gap before the first poll of a run, at least 500 ms
     * @return this builder
     * @throws IllegalArgumentException if null or below 500 ms
     */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = atLeast(value, "pollInitialDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets {@link JobsOptions#pollMaxDelay()}; not below the initial delay (checked by
     * {@link #build()}).
     *
     * @param value the longest gap between polls, at least 500 ms
     * @return this builder
     * @throws IllegalArgumentException if null or below 500 ms
     */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = atLeast(value, "pollMaxDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets {@link JobsOptions#pollMultiplier()}.
     *
     * @param value 1.0 (a fixed gap) to 10.0
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 10.0);
      return this;
    }

    /**
     * Sets {@link JobsOptions#runTimeout()}.
     *
     * @param value how long {@code await()} waits, at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException if null or below 1 ms
     */
    public Builder runTimeout(Duration value) {
      this.runTimeout = atLeast(value, "runTimeout", Duration.ofMillis(1));
      return this;
    }

    /**
     * Sets {@link JobsOptions#jobsPageSize()}.
     *
     * @param value 1 to 100 jobs per list request
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder jobsPageSize(int value) {
      this.jobsPageSize = between(value, "jobsPageSize", 1, 100);
      return this;
    }

    /**
     * Sets {@link JobsOptions#runsPageSize()}.
     *
     * @param value 1 to 25 runs per list request
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder runsPageSize(int value) {
      this.runsPageSize = between(value, "runsPageSize", 1, 25);
      return this;
    }

    /**
     * The options set so far.
     *
     * @return the immutable options
     * @throws IllegalArgumentException if the initial poll delay is longer than the maximum
     */
    public JobsOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new JobsOptions(this);
    }
  }
}

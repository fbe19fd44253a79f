package dev.kiln.mlflow;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;

/**
 * Tuning for {@link MlflowClient}: how a new model version's registration is polled and how long it
 * may take, and how many items each page of a search asks for. Immutable;
 * {@code MlflowOptions.builder().registrationTimeout(Duration.ofMinutes(30)).build()}.
 */
public final class MlflowOptions {
  private static final MlflowOptions DEFAULTS = builder().build();

  private final Duration pollInitialDelay;
  private final Duration pollMaxDelay;
  private final double pollMultiplier;
  private final Duration registrationTimeout;
  private final int pageSize;

  private MlflowOptions(Builder b) {
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.registrationTimeout = b.registrationTimeout;
    this.pageSize = b.pageSize;
  }

  /**
   * Registration polls 500 ms after the version was created, each gap 1.5 times the last, at most
   * 5 s apart; a version not READY after 10 minutes fails with {@code OperationTimeoutException};
   * searches ask for pages of 1,000.
   */
  public static MlflowOptions defaults() {
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
        .registrationTimeout(registrationTimeout)
        .pageSize(pageSize);
  }

  /** Gap before the first poll of a model version being registered. */
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
   * How long {@code ModelVersionHandle.await()} waits for READY before failing with
   * {@code OperationTimeoutException}; the registration itself goes on.
   */
  public Duration registrationTimeout() {
    return registrationTimeout;
  }

  /**
   * {@code max_results} of each page a search or metric history asks for (1 to 1,000: every MLflow
   * listing accepts at least 1,000).
   */
  public int pageSize() {
    return pageSize;
  }

  /** Every setting, for logs. */
  @Override
  public String toString() {
    return "MlflowOptions[pollInitialDelay=" + pollInitialDelay + ", pollMaxDelay=" + pollMaxDelay
        + ", pollMultiplier=" + pollMultiplier + ", registrationTimeout=" + registrationTimeout
        + ", pageSize=" + pageSize + "]";
  }

  /** Builder for {@link MlflowOptions}. */
  public static final class Builder {
    /** At most 4 polls per second per registration. */
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(250);

    private Duration pollInitialDelay = Duration.ofMillis(500);
    private Duration pollMaxDelay = Duration.ofSeconds(5);
    private double pollMultiplier = 1.5;
    private Duration registrationTimeout = Duration.ofMinutes(10);
    private int pageSize = 1000;

    private Builder() {}

    /**
     * Sets {@link MlflowOptions#pollInitialDelay()}; at least 250 ms.
     *
     * @param value the gap before the first poll
     * @return this builder
     * @throws IllegalArgumentException if null or below 250 ms
     */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = atLeast(value, "pollInitialDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets {@link MlflowOptions#pollMaxDelay()}; at least 250 ms and not below the initial delay
     * (checked by {@link #build()}).
     *
     * @param value the longest gap between polls
     * @return this builder
     * @throws IllegalArgumentException if null or below 250 ms
     */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = atLeast(value, "pollMaxDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets {@link MlflowOptions#pollMultiplier()}.
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
     * Sets {@link MlflowOptions#registrationTimeout()}.
     *
     * @param value at least 1 ms
     * @return this builder
     * @throws IllegalArgumentException if null or below 1 ms
     */
    public Builder registrationTimeout(Duration value) {
      this.registrationTimeout = atLeast(value, "registrationTimeout", Duration.ofMillis(1));
      return this;
    }

    /**
     * Sets {@link MlflowOptions#pageSize()}.
     *
     * @param value 1 to 1,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int value) {
      this.pageSize = between(value, "pageSize", 1, 1000);
      return this;
    }

    /**
     * The options set so far.
     *
     * @return the immutable options
     * @throws IllegalArgumentException if the initial poll delay is longer than
     *     the maximum
     */
    public MlflowOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new MlflowOptions(this);
    }
  }
}

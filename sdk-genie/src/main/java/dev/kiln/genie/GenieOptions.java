package dev.kiln.genie;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.notNull;
import static dev.kiln.core.spi.OptionChecks.ordered;

import dev.kiln.sql.SqlOptions;
import java.time.Duration;

/**
 * Tuning for {@link GenieClient}: how messages are polled, how long waiting for an answer may take,
 * and how query results are read through sdk-sql. Immutable;
 * {@code GenieOptions.builder().messageTimeout(Duration.ofMinutes(2)).build()}.
 */
public final class GenieOptions {
  private static final GenieOptions DEFAULTS = builder().build();

  private final Duration messageTimeout;
  private final Duration downloadTimeout;
  private final Duration pollInitialDelay;
  private final double pollMultiplier;
  private final Duration pollMaxDelay;
  private final SqlOptions sqlOptions;

  private GenieOptions(Builder b) {
    this.messageTimeout = b.messageTimeout;
    this.downloadTimeout = b.downloadTimeout;
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.pollMaxDelay = b.pollMaxDelay;
    this.sqlOptions = b.sqlOptions;
  }

  /**
   * Messages waited for at most 10 minutes; polls 500 ms after the question was accepted, each gap
   * 1.15 times the one before, capped at 5 s (most answers take 1 to 10 s: this sees them about half a
   * second after they finish, and never polls a message more than twice a second); query results read
   * with {@link SqlOptions#defaults()}.
   */
  public static GenieOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the {@link #defaults() defaults}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options, to change some of them.
   *
   * @return a new builder with every setting copied from this one
   */
  public Builder toBuilder() {
    return new Builder()
        .messageTimeout(messageTimeout)
        .downloadTimeout(downloadTimeout)
        .pollInitialDelay(pollInitialDelay)
        .pollMultiplier(pollMultiplier)
        .pollMaxDelay(pollMaxDelay)
        .sqlOptions(sqlOptions);
  }

  /**
   * How long waiting for a message's answer may take before it ends with
   * {@code OperationTimeoutException} (the message goes on in the space: Genie cannot cancel it).
   */
  public Duration messageTimeout() {
    return messageTimeout;
  }

  /**
   * How long waiting for a full query result download ({@code GenieClient.downloadFullResult}) may take
   * before it ends with {@code OperationTimeoutException}; 10 minutes by default.
   */
  public Duration downloadTimeout() {
    return downloadTimeout;
  }

  /** The gap before the first poll of a message (and of a download). */
  public Duration pollInitialDelay() {
    return pollInitialDelay;
  }

  /** Each gap between polls is this many times the one before, up to {@link #pollMaxDelay()}. */
  public double pollMultiplier() {
    return pollMultiplier;
  }

  /** Longest gap between two polls of a message. */
  public Duration pollMaxDelay() {
    return pollMaxDelay;
  }

  /** How query results ({@code GenieClient.queryResult}) are fetched and polled through sdk-sql. */
  public SqlOptions sqlOptions() {
    return sqlOptions;
  }

  /** Every setting, for logs. */
  @Override
  public String toString() {
    return "GenieOptions[messageTimeout=" + messageTimeout + ", downloadTimeout=" + downloadTimeout
        + ", pollInitialDelay=" + pollInitialDelay
        + ", pollMultiplier=" + pollMultiplier + ", pollMaxDelay=" + pollMaxDelay + ", sqlOptions=" + sqlOptions + "]";
  }

  /** Builder for {@link GenieOptions}; not thread-safe. */
  public static final class Builder {
    /** Two polls per second per message at most: the workspace's Genie request budget is small. */
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_POLL_DELAY = Duration.ofSeconds(10);

    private Duration messageTimeout = Duration.ofMinutes(10);
    private Duration downloadTimeout = Duration.ofMinutes(10);
    private Duration pollInitialDelay = MIN_POLL_DELAY;
    private double pollMultiplier = 1.15;
    private Duration pollMaxDelay = Duration.ofSeconds(5);
    private SqlOptions sqlOptions = SqlOptions.defaults();

    private Builder() {}

    /** Positive. */
    public Builder messageTimeout(Duration value) {
      this.messageTimeout = atLeast(value, "messageTimeout", Duration.ofMillis(1));
      return this;
    }

    /** Positive. */
    public Builder downloadTimeout(Duration value) {
      this.downloadTimeout = atLeast(value, "downloadTimeout", Duration.ofMillis(1));
      return this;
    }

    /** 500 ms to 10 s. */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = between(value, "pollInitialDelay", MIN_POLL_DELAY, MAX_POLL_DELAY);
      return this;
    }

    /** 1.0 (a fixed gap) to 4.0. */
    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 4.0);
      return this;
    }

    /** 500 ms to 10 s, and not below {@link #pollInitialDelay}. */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = between(value, "pollMaxDelay", MIN_POLL_DELAY, MAX_POLL_DELAY);
      return this;
    }

    /**
     * How query results are read through sdk-sql; {@link SqlOptions#defaults()} unless set.
     *
     * @param value the sdk-sql options, not null
     * @return this builder
     */
    public Builder sqlOptions(SqlOptions value) {
      this.sqlOptions = notNull(value, "sqlOptions");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the immutable options
     * @throws IllegalArgumentException if {@code pollMaxDelay} is below {@code pollInitialDelay}
     */
    public GenieOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new GenieOptions(this);
    }

  }
}

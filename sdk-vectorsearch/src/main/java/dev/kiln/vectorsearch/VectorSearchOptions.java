package dev.kiln.vectorsearch;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning for {@link VectorSearchClient}. Immutable;
 * {@code VectorSearchOptions.builder().scanPageSize(500).build()}.
 *
 * <p>Queries, scans and writes answer at once; the only wait is for an index to become ready
 * ({@link VectorIndexHandle}), polled with the gaps below. Per-call timeouts are the {@code DatabricksClient}'s.
 */
public final class VectorSearchOptions {
  private static final VectorSearchOptions DEFAULTS = builder().build();

  private final int scanPageSize;
  private final Duration indexReadyTimeout;
  private final Duration pollInitialDelay;
  private final double pollMultiplier;
  private final Duration pollMaxDelay;

  private VectorSearchOptions(Builder b) {
    this.scanPageSize = b.scanPageSize;
    this.indexReadyTimeout = b.indexReadyTimeout;
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.pollMaxDelay = b.pollMaxDelay;
  }

  /**
   * Scans fetch 100 entries per request; an index is awaited at most 2 hours (a first sync of a big table
   * takes that long), polled 2 s after the call, each gap 1.5 times the one before, at most 30 s apart.
   */
  public static VectorSearchOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder().scanPageSize(scanPageSize).indexReadyTimeout(indexReadyTimeout)
        .pollInitialDelay(pollInitialDelay).pollMultiplier(pollMultiplier).pollMaxDelay(pollMaxDelay);
  }

  /** Entries fetched per request by {@link VectorSearchClient#scan(String)} (the server's {@code num_results}). */
  public int scanPageSize() {
    return scanPageSize;
  }

  /** How long {@link VectorIndexHandle} waits for an index to be ready before {@code OperationTimeoutException}. */
  public Duration indexReadyTimeout() {
    return indexReadyTimeout;
  }

  /** The gap before the first poll of an index. */
  public Duration pollInitialDelay() {
    return pollInitialDelay;
  }

  /** Each gap between polls is this many times the one before, up to {@link #pollMaxDelay()}. */
  public double pollMultiplier() {
    return pollMultiplier;
  }

  /** Longest gap between two polls of an index. */
  public Duration pollMaxDelay() {
    return pollMaxDelay;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VectorSearchOptions)) {
      return false;
    }
    VectorSearchOptions other = (VectorSearchOptions) o;
    return scanPageSize == other.scanPageSize && indexReadyTimeout.equals(other.indexReadyTimeout)
        && pollInitialDelay.equals(other.pollInitialDelay) && pollMultiplier == other.pollMultiplier
        && pollMaxDelay.equals(other.pollMaxDelay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scanPageSize, indexReadyTimeout, pollInitialDelay, pollMultiplier, pollMaxDelay);
  }

  @Override
  public String toString() {
    return "VectorSearchOptions[scanPageSize=" + scanPageSize + ", indexReadyTimeout=" + indexReadyTimeout
        + ", pollInitialDelay=" + pollInitialDelay + ", pollMultiplier=" + pollMultiplier
        + ", pollMaxDelay=" + pollMaxDelay + "]";
  }

  /** Builder for {@link VectorSearchOptions}. */
  public static final class Builder {
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_POLL_DELAY = Duration.ofMinutes(5);

    private int scanPageSize = 100;
    private Duration indexReadyTimeout = Duration.ofHours(2);
    private Duration pollInitialDelay = Duration.ofSeconds(2);
    private double pollMultiplier = 1.5;
    private Duration pollMaxDelay = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets how many entries {@code scan(String)} asks for per request; 100 by default.
     *
     * @throws IllegalArgumentException below 1
     */
    public Builder scanPageSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("scanPageSize must be at least 1, was " + value);
      }
      this.scanPageSize = value;
      return this;
    }

    /** Sets how long {@code VectorIndexHandle.await()} waits for an index to be ready; 2 hours by default, positive. */
    public Builder indexReadyTimeout(Duration value) {
      this.indexReadyTimeout = atLeast(value, "indexReadyTimeout", Duration.ofMillis(1));
      return this;
    }

    /** Sets the gap before the first poll of an index: 100 ms to 5 minutes, 2 seconds by default. */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = between(value, "pollInitialDelay", MIN_POLL_DELAY, MAX_POLL_DELAY);
      return this;
    }

    /** Sets how much each poll gap grows over the last: 1.0 (a fixed gap) to 4.0, 1.5 by default. */
    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 4.0);
      return this;
    }

    /** Sets the longest gap between polls: 100 ms to 5 minutes, not below {@link #pollInitialDelay}; 30 s by default. */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = between(value, "pollMaxDelay", MIN_POLL_DELAY, MAX_POLL_DELAY);
      return this;
    }

    /**
     * The immutable options.
     *
     * @throws IllegalArgumentException when the initial poll delay is longer than the maximum
     */
    public VectorSearchOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new VectorSearchOptions(this);
    }
  }
}

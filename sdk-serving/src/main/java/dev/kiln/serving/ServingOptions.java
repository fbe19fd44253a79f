package dev.kiln.serving;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning for {@link ServingClient}: how endpoint deployments are polled and how long they may take.
 * Immutable; {@code ServingOptions.builder().deploymentTimeout(Duration.ofHours(1)).build()}.
 * How long a stream may stay silent is the client's {@code readTimeout}
 * ({@code DatabricksClient.Builder#readTimeout}).
 */
public final class ServingOptions {
  private static final ServingOptions DEFAULTS = builder().build();

  private final Duration pollInitialDelay;
  private final Duration pollMaxDelay;
  private final double pollMultiplier;
  private final Duration deploymentTimeout;

  private ServingOptions(Builder b) {
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.deploymentTimeout = b.deploymentTimeout;
  }

  /**
   * Endpoint polls 500 ms after the start, each gap 1.25 times the last, at most 10 s apart; a
   * deployment not ready after 30 minutes fails with {@code OperationTimeoutException}.
   */
  public static ServingOptions defaults() {
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
        .deploymentTimeout(deploymentTimeout);
  }

  /** Gap before the first poll of an endpoint being deployed. */
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
   * How long {@code EndpointHandle.await()} waits for an endpoint to become ready before failing
   * with {@code OperationTimeoutException}; the deployment itself goes on (it cannot be cancelled).
   */
  public Duration deploymentTimeout() {
    return deploymentTimeout;
  }

  @Override
  public String toString() {
    return "ServingOptions[pollInitialDelay=" + pollInitialDelay + ", pollMaxDelay=" + pollMaxDelay
        + ", pollMultiplier=" + pollMultiplier + ", deploymentTimeout=" + deploymentTimeout + "]";
  }

  /** Builder for {@link ServingOptions}. */
  public static final class Builder {
    /** At most 2 polls per second per operation. */
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(500);

    private Duration pollInitialDelay = Duration.ofMillis(500);
    private Duration pollMaxDelay = Duration.ofSeconds(10);
    private double pollMultiplier = 1.25;
    private Duration deploymentTimeout = Duration.ofMinutes(30);

    private Builder() {}

    public Builder pollInitialDelay(Duration value) {
      Objects.requireNonNull(value, "pollInitialDelay");
      if (value.compareTo(MIN_POLL_DELAY) < 0) {
        throw new IllegalArgumentException("pollInitialDelay must be at least 500 ms (at most 2 polls per second), was " + value);
      }
      this.pollInitialDelay = value;
      return this;
    }

    public Builder pollMaxDelay(Duration value) {
      Objects.requireNonNull(value, "pollMaxDelay");
      if (value.compareTo(MIN_POLL_DELAY) < 0) {
        throw new IllegalArgumentException("pollMaxDelay must be at least 500 ms (at most 2 polls per second), was " + value);
      }
      this.pollMaxDelay = value;
      return this;
    }

    public Builder pollMultiplier(double value) {
      if (!(value >= 1.0 && value <= 10.0)) {
        throw new IllegalArgumentException("pollMultiplier must be 1.0 to 10.0, was " + value);
      }
      this.pollMultiplier = value;
      return this;
    }

    public Builder deploymentTimeout(Duration value) {
      Objects.requireNonNull(value, "deploymentTimeout");
      if (value.toMillis() < 1) {
        throw new IllegalArgumentException("deploymentTimeout must be at least 1 ms, was " + value);
      }
      this.deploymentTimeout = value;
      return this;
    }

    public ServingOptions build() {
      if (pollInitialDelay.compareTo(pollMaxDelay) > 0) {
        throw new IllegalArgumentException("pollInitialDelay " + pollInitialDelay + " exceeds pollMaxDelay " + pollMaxDelay);
      }
      return new ServingOptions(this);
    }
  }
}

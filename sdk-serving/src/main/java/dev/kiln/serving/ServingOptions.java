package dev.kiln.serving;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;

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
  private final boolean dataPlaneRouting;

  private ServingOptions(Builder b) {
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.deploymentTimeout = b.deploymentTimeout;
    this.dataPlaneRouting = b.dataPlaneRouting;
  }

  /**
   * Endpoint polls 500 ms after the start, each gap 1.25 times the last, at most 10 s apart; a
   * deployment not ready after 30 minutes fails with {@code OperationTimeoutException}.
   */
  public static ServingOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .pollInitialDelay(pollInitialDelay)
        .pollMaxDelay(pollMaxDelay)
        .pollMultiplier(pollMultiplier)
        .deploymentTimeout(deploymentTimeout)
        .dataPlaneRouting(dataPlaneRouting);
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

  /**
   * Whether invocations find out where each endpoint answers (on by default): the first call to an endpoint
   * reads its description once ({@code GET /api/2.0/serving-endpoints/{name}}, remembered by this client, as is
   * every {@code getEndpoint} answer), and route-optimized endpoints are then called on their data-plane URL
   * with a token minted for them. Off: every invocation goes to the workspace path, with no lookup (for
   * endpoints known not to be route-optimized, or credentials that may not read endpoint descriptions).
   */
  public boolean dataPlaneRouting() {
    return dataPlaneRouting;
  }

  @Override
  public String toString() {
    return "ServingOptions[pollInitialDelay=" + pollInitialDelay + ", pollMaxDelay=" + pollMaxDelay
        + ", pollMultiplier=" + pollMultiplier + ", deploymentTimeout=" + deploymentTimeout
        + ", dataPlaneRouting=" + dataPlaneRouting + "]";
  }

  /** Builder for {@link ServingOptions}. */
  public static final class Builder {
    /** At most 2 polls per second per operation. */
    private static final Duration MIN_POLL_DELAY = Duration.ofMillis(500);

    private Duration pollInitialDelay = Duration.ofMillis(500);
    private Duration pollMaxDelay = Duration.ofSeconds(10);
    private double pollMultiplier = 1.25;
    private Duration deploymentTimeout = Duration.ofMinutes(30);
    private boolean dataPlaneRouting = true;

    private Builder() {}

    /**
     * Sets the gap before the first poll; 500 ms by default.
     *
     * @throws IllegalArgumentException below 500 ms (at most 2 polls a second)
     */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = atLeast(value, "pollInitialDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets the longest gap between polls; 10 seconds by default, never below
     * {@link #pollInitialDelay(Duration)}.
     *
     * @throws IllegalArgumentException below 500 ms
     */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = atLeast(value, "pollMaxDelay", MIN_POLL_DELAY);
      return this;
    }

    /**
     * Sets how much each gap grows over the last; 1.25 by default.
     *
     * @throws IllegalArgumentException outside 1.0 to 10.0
     */
    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 10.0);
      return this;
    }

    /**
     * Sets how long {@code EndpointHandle.await()} waits for a deployment; 30 minutes by default.
     *
     * @throws IllegalArgumentException when {@code value} is not positive
     */
    public Builder deploymentTimeout(Duration value) {
      this.deploymentTimeout = atLeast(value, "deploymentTimeout", Duration.ofMillis(1));
      return this;
    }

    /**
     * Turns data-plane routing of invocations on (the default) or off; see
     * {@link ServingOptions#dataPlaneRouting()}.
     */
    public Builder dataPlaneRouting(boolean value) {
      this.dataPlaneRouting = value;
      return this;
    }

    /**
     * The immutable options.
     *
     * @throws IllegalArgumentException when the initial poll delay is longer than the maximum
     */
    public ServingOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      return new ServingOptions(this);
    }
  }
}

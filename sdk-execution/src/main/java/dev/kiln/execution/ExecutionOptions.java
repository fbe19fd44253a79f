package dev.kiln.execution;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;

/**
 * Tuning for {@link ExecutionClient}: how long and how often it polls clusters, contexts and
 * commands, and how often it retries a context that fails to start. Each poll gap grows
 * by its multiplier from its initial delay up to its maximum. Immutable;
 * {@code ExecutionOptions.builder().clusterReadyTimeout(Duration.ofMinutes(10)).build()}.
 */
public final class ExecutionOptions {
  private static final ExecutionOptions DEFAULTS = builder().build();

  private final Duration clusterPollInitialDelay;
  private final Duration clusterPollMaxDelay;
  private final double clusterPollMultiplier;
  private final Duration clusterReadyTimeout;
  private final Duration contextPollInitialDelay;
  private final Duration contextPollMaxDelay;
  private final double contextPollMultiplier;
  private final Duration contextStartTimeout;
  private final int contextStartAttempts;
  private final Duration contextRetryDelay;
  private final Duration commandPollInitialDelay;
  private final Duration commandPollMaxDelay;
  private final double commandPollMultiplier;

  private ExecutionOptions(Builder b) {
    this.clusterPollInitialDelay = b.clusterPollInitialDelay;
    this.clusterPollMaxDelay = b.clusterPollMaxDelay;
    this.clusterPollMultiplier = b.clusterPollMultiplier;
    this.clusterReadyTimeout = b.clusterReadyTimeout;
    this.contextPollInitialDelay = b.contextPollInitialDelay;
    this.contextPollMaxDelay = b.contextPollMaxDelay;
    this.contextPollMultiplier = b.contextPollMultiplier;
    this.contextStartTimeout = b.contextStartTimeout;
    this.contextStartAttempts = b.contextStartAttempts;
    this.contextRetryDelay = b.contextRetryDelay;
    this.commandPollInitialDelay = b.commandPollInitialDelay;
    this.commandPollMaxDelay = b.commandPollMaxDelay;
    this.commandPollMultiplier = b.commandPollMultiplier;
  }

  /**
   * Clusters polled from 1 s growing ×1.5 to 10 s for at most 30 minutes; contexts polled from
   * 500 ms growing ×1.25 to 5 s for at most 10 minutes per attempt, 3 attempts 2 s then 4 s apart;
   * commands polled from 500 ms growing ×1.15 to 5 s (at most 2 polls per second, and a command
   * that ends 1–6 s after it was submitted is seen about half a second later in median).
   */
  public static ExecutionOptions defaults() {
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
        .clusterPollInitialDelay(clusterPollInitialDelay)
        .clusterPollMaxDelay(clusterPollMaxDelay)
        .clusterPollMultiplier(clusterPollMultiplier)
        .clusterReadyTimeout(clusterReadyTimeout)
        .contextPollInitialDelay(contextPollInitialDelay)
        .contextPollMaxDelay(contextPollMaxDelay)
        .contextPollMultiplier(contextPollMultiplier)
        .contextStartTimeout(contextStartTimeout)
        .contextStartAttempts(contextStartAttempts)
        .contextRetryDelay(contextRetryDelay)
        .commandPollInitialDelay(commandPollInitialDelay)
        .commandPollMaxDelay(commandPollMaxDelay)
        .commandPollMultiplier(commandPollMultiplier);
  }

  /** The first gap between polls of a cluster that is not RUNNING yet. */
  public Duration clusterPollInitialDelay() {
    return clusterPollInitialDelay;
  }

  /** The longest gap between polls of a cluster; a cold start takes minutes. */
  public Duration clusterPollMaxDelay() {
    return clusterPollMaxDelay;
  }

  /** Each gap between cluster polls is the previous one times this, up to the maximum. */
  public double clusterPollMultiplier() {
    return clusterPollMultiplier;
  }

  /** How long {@code createContext} and {@code clusters().ensureRunning} wait for the cluster to be RUNNING. */
  public Duration clusterReadyTimeout() {
    return clusterReadyTimeout;
  }

  /** The first gap between polls of an execution context that is still Pending. */
  public Duration contextPollInitialDelay() {
    return contextPollInitialDelay;
  }

  /** The longest gap between polls of a starting execution context. */
  public Duration contextPollMaxDelay() {
    return contextPollMaxDelay;
  }

  /** Each gap between context polls is the previous one times this, up to the maximum. */
  public double contextPollMultiplier() {
    return contextPollMultiplier;
  }

  /** How long one context may stay Pending before it is destroyed and creation fails. */
  public Duration contextStartTimeout() {
    return contextStartTimeout;
  }

  /** How many contexts are created, each destroyed when it ends in Error, before giving up. */
  public int contextStartAttempts() {
    return contextStartAttempts;
  }

  /** The pause before the second context is created; it doubles before each further attempt. */
  public Duration contextRetryDelay() {
    return contextRetryDelay;
  }

  /** The gap between submitting a command and its first poll. */
  public Duration commandPollInitialDelay() {
    return commandPollInitialDelay;
  }

  /** The longest gap between polls of a running command. */
  public Duration commandPollMaxDelay() {
    return commandPollMaxDelay;
  }

  /** Each gap between command polls is the previous one times this, up to the maximum. */
  public double commandPollMultiplier() {
    return commandPollMultiplier;
  }

  /** Every setting, for logs. */
  @Override
  public String toString() {
    return "ExecutionOptions[clusterPollInitialDelay=" + clusterPollInitialDelay
        + ", clusterPollMaxDelay=" + clusterPollMaxDelay + ", clusterPollMultiplier=" + clusterPollMultiplier
        + ", clusterReadyTimeout=" + clusterReadyTimeout
        + ", contextPollInitialDelay=" + contextPollInitialDelay + ", contextPollMaxDelay=" + contextPollMaxDelay
        + ", contextPollMultiplier=" + contextPollMultiplier
        + ", contextStartTimeout=" + contextStartTimeout + ", contextStartAttempts=" + contextStartAttempts
        + ", contextRetryDelay=" + contextRetryDelay + ", commandPollInitialDelay=" + commandPollInitialDelay
        + ", commandPollMaxDelay=" + commandPollMaxDelay + ", commandPollMultiplier=" + commandPollMultiplier + "]";
  }

  /** Builder for {@link ExecutionOptions}. */
  public static final class Builder {
    /** Each doubling of the retry delay needs an attempt; past this a cluster has a real problem. */
    private static final int MAX_ATTEMPTS = 10;

    /** A gap that grows faster than this would skip whole phases of a start. */
    private static final double MAX_MULTIPLIER = 4.0;
    private static final Duration ONE_MS = Duration.ofMillis(1);

    // Cluster polls start at 1 s: a single wait costs a handful of extra requests over its first
    // seconds (far below the workspace's ~30 requests/s) and notices quick transitions (TERMINATING,
    // a short RESIZING) at once; growing by half, the gap passes 5 s within ~8 s and caps at 10 s.
    private Duration clusterPollInitialDelay = Duration.ofSeconds(1);
    private Duration clusterPollMaxDelay = Duration.ofSeconds(10);
    private double clusterPollMultiplier = 1.5;
    private Duration clusterReadyTimeout = ClustersClient.DEFAULT_READY_TIMEOUT;
    private Duration contextPollInitialDelay = Duration.ofMillis(500);
    private Duration contextPollMaxDelay = Duration.ofSeconds(5);
    private double contextPollMultiplier = 1.25;
    private Duration contextStartTimeout = Duration.ofMinutes(10);
    private int contextStartAttempts = 3;
    private Duration contextRetryDelay = Duration.ofSeconds(2);
    // Commands: 500 ms then ×1.15 (polls 0.5, 1.1, 1.7, 2.5, 3.4, 4.4, 5.5 s after submit) keeps the
    // median lag for commands ending 1–6 s after submit near 0.5 s at no more than 2 polls/s
    // (×1.25 measured 0.62 s in PollCadenceBenchmark).
    private Duration commandPollInitialDelay = Duration.ofMillis(500);
    private Duration commandPollMaxDelay = Duration.ofSeconds(5);
    private double commandPollMultiplier = 1.15;

    private Builder() {}

    /**
     * The first gap between cluster polls; 1 s by default, at least 1 ms.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder clusterPollInitialDelay(Duration value) {
      this.clusterPollInitialDelay = atLeast(value, "clusterPollInitialDelay", ONE_MS);
      return this;
    }

    /**
     * The longest gap between cluster polls; 10 s by default, at least 1 ms and not below the
     * initial delay.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder clusterPollMaxDelay(Duration value) {
      this.clusterPollMaxDelay = atLeast(value, "clusterPollMaxDelay", ONE_MS);
      return this;
    }

    /** 1.0 (a fixed gap) to 4.0. */
    public Builder clusterPollMultiplier(double value) {
      this.clusterPollMultiplier = between(value, "clusterPollMultiplier", 1.0, MAX_MULTIPLIER);
      return this;
    }

    /**
     * How long to wait for a cluster to be RUNNING; 30 minutes by default, at least 1 ms.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder clusterReadyTimeout(Duration value) {
      this.clusterReadyTimeout = atLeast(value, "clusterReadyTimeout", ONE_MS);
      return this;
    }

    /**
     * The first gap between context polls; 500 ms by default, at least 1 ms.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder contextPollInitialDelay(Duration value) {
      this.contextPollInitialDelay = atLeast(value, "contextPollInitialDelay", ONE_MS);
      return this;
    }

    /**
     * The longest gap between context polls; 5 s by default, at least 1 ms and not below the
     * initial delay.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder contextPollMaxDelay(Duration value) {
      this.contextPollMaxDelay = atLeast(value, "contextPollMaxDelay", ONE_MS);
      return this;
    }

    /** 1.0 (a fixed gap) to 4.0. */
    public Builder contextPollMultiplier(double value) {
      this.contextPollMultiplier = between(value, "contextPollMultiplier", 1.0, MAX_MULTIPLIER);
      return this;
    }

    /**
     * How long one context may stay Pending; 10 minutes by default, at least 1 ms.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder contextStartTimeout(Duration value) {
      this.contextStartTimeout = atLeast(value, "contextStartTimeout", ONE_MS);
      return this;
    }

    /** 1 to 10. */
    public Builder contextStartAttempts(int value) {
      this.contextStartAttempts = between(value, "contextStartAttempts", 1, MAX_ATTEMPTS);
      return this;
    }

    /**
     * The pause before the second context attempt, doubled before each further one; 2 s by default,
     * zero or more.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder contextRetryDelay(Duration value) {
      this.contextRetryDelay = atLeast(value, "contextRetryDelay", Duration.ZERO);
      return this;
    }

    /**
     * The gap before a command's first poll; 500 ms by default, at least 1 ms.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder commandPollInitialDelay(Duration value) {
      this.commandPollInitialDelay = atLeast(value, "commandPollInitialDelay", ONE_MS);
      return this;
    }

    /**
     * The longest gap between command polls; 5 s by default, at least 1 ms and not below the
     * initial delay.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder commandPollMaxDelay(Duration value) {
      this.commandPollMaxDelay = atLeast(value, "commandPollMaxDelay", ONE_MS);
      return this;
    }

    /** 1.0 (a fixed gap) to 4.0. */
    public Builder commandPollMultiplier(double value) {
      this.commandPollMultiplier = between(value, "commandPollMultiplier", 1.0, MAX_MULTIPLIER);
      return this;
    }

    /** @throws IllegalArgumentException when an initial poll delay exceeds its maximum */
    public ExecutionOptions build() {
      ordered(clusterPollInitialDelay, "clusterPollInitialDelay", clusterPollMaxDelay, "clusterPollMaxDelay");
      ordered(contextPollInitialDelay, "contextPollInitialDelay", contextPollMaxDelay, "contextPollMaxDelay");
      ordered(commandPollInitialDelay, "commandPollInitialDelay", commandPollMaxDelay, "commandPollMaxDelay");
      return new ExecutionOptions(this);
    }

  }
}

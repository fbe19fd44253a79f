package dev.kiln.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again: jittered exponential backoff with a cap
 * per sleep, a maximum number of attempts and an overall deadline across all attempts. A
 * {@code Retry-After} from the server replaces the computed backoff, capped by {@link #maxRetryAfter()}.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Duration overallTimeout;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.overallTimeout = b.overallTimeout;
  }

  /** 6 attempts, 500 ms doubling to 30 s, 25% jitter, Retry-After capped at 60 s, 5 minutes overall. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: errors surface at once. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .multiplier(multiplier)
        .jitter(jitter)
        .maxRetryAfter(maxRetryAfter)
        .overallTimeout(overallTimeout);
  }

  /** Most times a request is sent, the first included; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the second attempt; later waits grow by {@link #multiplier()}. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest computed wait between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** What each computed wait is multiplied by for the next one (at least 1.0). */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Fraction in [0, 1] by which each wait is shortened at random, so clients do not retry in step.
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest wait a server's {@code Retry-After} header may ask for; a longer one is cut to
   * this.
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Longest time from the first attempt until the last may start; no retry begins after it. */
  public Duration overallTimeout() {
    return overallTimeout;
  }

  /** The wait before attempt {@code failedAttempts + 1}; jitter only shortens it. */
  public Duration backoff(int failedAttempts) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
    double capped = Math.min(base, maxBackoff.toMillis());
    double factor = jitter == 0 ? 1.0 : 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(capped * factor));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
        + ", maxRetryAfter=" + maxRetryAfter + ", overallTimeout=" + overallTimeout + "]";
  }

  /** Builder for {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 6;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.25;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration overallTimeout = Duration.ofMinutes(5);

    /** A builder with the default settings, as {@link RetryPolicy#builder()} returns. */
    public Builder() {}

    /**
     * Sets the most times a request is sent, the first included; 6 by default.
     *
     * @throws IllegalArgumentException when {@code value} is below 1
     */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * Sets the wait before the second attempt; 500 ms by default.
     *
     * @throws IllegalArgumentException when {@code value} is negative (null: {@code NullPointerException})
     */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = positiveOrZero(value, "initialBackoff");
      return this;
    }

    /**
     * Sets the cap on one computed wait; 30 seconds by default.
     *
     * @throws IllegalArgumentException when {@code value} is negative (null: {@code NullPointerException})
     */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = positiveOrZero(value, "maxBackoff");
      return this;
    }

    /**
     * Sets the growth factor between successive waits; 2.0 by default.
     *
     * @throws IllegalArgumentException when {@code value} is below 1.0
     */
    public Builder multiplier(double value) {
      if (value < 1.0) {
        throw new IllegalArgumentException("multiplier must be at least 1.0, was " + value);
      }
      this.multiplier = value;
      return this;
    }

    /** Fraction in [0, 1] by which a backoff may be shortened at random; 0 makes waits exact. */
    public Builder jitter(double value) {
      if (value < 0 || value > 1) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + value);
      }
      this.jitter = value;
      return this;
    }

    /**
     * Sets the cap on a server's {@code Retry-After}; 60 seconds by default.
     *
     * @throws IllegalArgumentException when {@code value} is negative (null: {@code NullPointerException})
     */
    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = positiveOrZero(value, "maxRetryAfter");
      return this;
    }

    /** No new attempt starts if its wait would end after this much time since the first attempt. */
    public Builder overallTimeout(Duration value) {
      this.overallTimeout = positiveOrZero(value, "overallTimeout");
      return this;
    }

    /** The immutable policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration positiveOrZero(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}

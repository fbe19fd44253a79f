package dev.kiln.sql;

import static dev.kiln.core.spi.OptionChecks.atLeast;
import static dev.kiln.core.spi.OptionChecks.between;
import static dev.kiln.core.spi.OptionChecks.ordered;

import java.time.Duration;

/**
 * Tuning for {@link SqlClient}: how results are fetched and how statements are polled. Immutable;
 * {@code SqlOptions.builder().downloadParallelism(8).build()}.
 */
public final class SqlOptions {
  private static final SqlOptions DEFAULTS = builder().build();

  private final int downloadParallelism;
  private final long resultMemoryBudget;
  private final int maxBufferedChunks;
  private final Duration linkExpiryMargin;
  private final int maxLinkRefreshes;
  private final Duration downloadIdleTimeout;
  private final Duration pollInitialDelay;
  private final Duration pollMaxDelay;
  private final double pollMultiplier;
  private final Duration submitTimeoutMargin;
  private final Duration closeCancelTimeout;
  private final boolean awaitWarehouseRunning;
  private final Duration warehousePollInitialDelay;
  private final Duration warehousePollMaxDelay;
  private final double warehousePollMultiplier;
  private final Duration warehouseReadyTimeout;

  private SqlOptions(Builder b) {
    this.downloadParallelism = b.downloadParallelism;
    this.resultMemoryBudget = b.resultMemoryBudget;
    this.maxBufferedChunks = b.maxBufferedChunks;
    this.linkExpiryMargin = b.linkExpiryMargin;
    this.maxLinkRefreshes = b.maxLinkRefreshes;
    this.downloadIdleTimeout = b.downloadIdleTimeout;
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMultiplier = b.pollMultiplier;
    this.submitTimeoutMargin = b.submitTimeoutMargin;
    this.closeCancelTimeout = b.closeCancelTimeout;
    this.awaitWarehouseRunning = b.awaitWarehouseRunning;
    this.warehousePollInitialDelay = b.warehousePollInitialDelay;
    this.warehousePollMaxDelay = b.warehousePollMaxDelay;
    this.warehousePollMultiplier = b.warehousePollMultiplier;
    this.warehouseReadyTimeout = b.warehouseReadyTimeout;
  }

  /**
   * 16 parallel downloads within a budget per reader of 64 MiB (or a quarter of the largest heap,
   * if smaller; no chunk-count cap), links refreshed 60 s before expiry and up to 3 times
   * after a failed download, downloads abandoned after 60 s without data; polls 500 ms apart at first,
   * each gap 1.15 times the last, up to 5 s (so a statement finishing 1–6 s after submit is seen
   * within about half a second, and never more than 2 polls per second); a submit's answer awaited
   * 30 s beyond its wait timeout; on client close, the running statements' cancels awaited up to 5 s;
   * statements submitted without first waiting for the warehouse; warehouses polled from 1 s growing
   * ×1.5 to 10 s for at most 20 minutes.
   */
  public static SqlOptions defaults() {
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
        .downloadParallelism(downloadParallelism)
        .resultMemoryBudget(resultMemoryBudget)
        .maxBufferedChunks(maxBufferedChunks)
        .linkExpiryMargin(linkExpiryMargin)
        .maxLinkRefreshes(maxLinkRefreshes)
        .downloadIdleTimeout(downloadIdleTimeout)
        .pollInitialDelay(pollInitialDelay)
        .pollMaxDelay(pollMaxDelay)
        .pollMultiplier(pollMultiplier)
        .submitTimeoutMargin(submitTimeoutMargin)
        .closeCancelTimeout(closeCancelTimeout)
        .awaitWarehouseRunning(awaitWarehouseRunning)
        .warehousePollInitialDelay(warehousePollInitialDelay)
        .warehousePollMaxDelay(warehousePollMaxDelay)
        .warehousePollMultiplier(warehousePollMultiplier)
        .warehouseReadyTimeout(warehouseReadyTimeout);
  }

  /**
   * Chunks downloaded at the same time while a result is read (16 by default, as the Databricks
   * JDBC driver: object-store links answer in tens of milliseconds, and 16 requests in flight hide
   * that latency where 4 left half the throughput unused). The {@link #resultMemoryBudget()} still
   * applies: a download starts only with room for its first bytes. Each download waits for its link
   * and its headers on one of the client's worker threads (the JDK client's async answers would each
   * start a thread on a machine of 2 CPUs), so a reader occupies up to this many workers.
   */
  public int downloadParallelism() {
    return downloadParallelism;
  }

  /**
   * Bytes each reader of a result may hold downloaded but not yet read (the chunk bytes as sent, or
   * for LZ4_FRAME chunks as decoded by the download, plus the decoder's block buffers; rows are
   * parsed from them only as the reader reaches them). Downloads pause when it is
   * full and resume as the reader moves on, so memory does not grow with result or chunk size: a
   * chunk larger than the whole budget streams through it. On top of it the reader holds the batch
   * of rows it is reading (up to a few hundred KiB) and the HTTP client its socket buffers.
   */
  public long resultMemoryBudget() {
    return resultMemoryBudget;
  }

  /**
   * An extra cap on chunks started and not yet finished by the reader (counting the one it reads).
   * Unlimited by default: {@link #resultMemoryBudget()} bounds memory in bytes instead.
   *
   * @deprecated memory is bounded by {@link #resultMemoryBudget()}; this cap only limits
   *     read-ahead further and will be removed.
   */
  @Deprecated
  public int maxBufferedChunks() {
    return maxBufferedChunks;
  }

  /** A link expiring sooner than this is refreshed before use. */
  public Duration linkExpiryMargin() {
    return linkExpiryMargin;
  }

  /** How often one chunk's link may be refreshed after a failed download before giving up. */
  public int maxLinkRefreshes() {
    return maxLinkRefreshes;
  }

  /** A download that receives no data for this long is abandoned and fetched again with a fresh link. */
  public Duration downloadIdleTimeout() {
    return downloadIdleTimeout;
  }

  /** Gap before the first poll of a statement the submit did not see finish. */
  public Duration pollInitialDelay() {
    return pollInitialDelay;
  }

  /** Longest gap between polls; well under the server's 15-minute keep-alive. */
  public Duration pollMaxDelay() {
    return pollMaxDelay;
  }

  /** Each gap between polls is this many times the previous one, up to {@link #pollMaxDelay()}. */
  public double pollMultiplier() {
    return pollMultiplier;
  }

  /**
   * How much longer than the request's {@code wait_timeout} (10 s when unset) the submit waits for
   * the answer's headers: the server holds the answer for the whole wait.
   */
  public Duration submitTimeoutMargin() {
    return submitTimeoutMargin;
  }

  /**
   * When the {@code DatabricksClient} closes, it cancels the statements this client submitted that
   * are still running (all requests at once), waiting at most this long for the server to accept.
   * Submits still waiting for their answer are waited for first, also at most this long, so the
   * statements they name are cancelled too; one not answered by then keeps running on the server.
   */
  public Duration closeCancelTimeout() {
    return closeCancelTimeout;
  }

  /**
   * Whether {@code submit}/{@code execute} first make sure the statement's warehouse is RUNNING
   * (starting a STOPPED one, waiting out STARTING/STOPPING) as execution contexts do for clusters.
   * Off by default: the server then queues the statement (PENDING) while the warehouse starts, and
   * the statement's wait timeout counts that time. On, a cold start is waited for with the warehouse
   * poll knobs below and fails with {@link WarehouseUnavailableException} for a deleted warehouse.
   */
  public boolean awaitWarehouseRunning() {
    return awaitWarehouseRunning;
  }

  /** The first gap between polls of a warehouse that is not RUNNING yet. */
  public Duration warehousePollInitialDelay() {
    return warehousePollInitialDelay;
  }

  /** The longest gap between polls of a starting warehouse. */
  public Duration warehousePollMaxDelay() {
    return warehousePollMaxDelay;
  }

  /** Each gap between warehouse polls is the previous one times this, up to the maximum. */
  public double warehousePollMultiplier() {
    return warehousePollMultiplier;
  }

  /** How long a {@link WarehouseHandle} (and {@link #awaitWarehouseRunning()}) waits for RUNNING. */
  public Duration warehouseReadyTimeout() {
    return warehouseReadyTimeout;
  }

  /** Every setting, for logs. */
  @Override
  public String toString() {
    return "SqlOptions[downloadParallelism=" + downloadParallelism + ", resultMemoryBudget=" + resultMemoryBudget
        + ", maxBufferedChunks=" + maxBufferedChunks
        + ", linkExpiryMargin=" + linkExpiryMargin + ", maxLinkRefreshes=" + maxLinkRefreshes
        + ", downloadIdleTimeout=" + downloadIdleTimeout
        + ", pollInitialDelay=" + pollInitialDelay + ", pollMaxDelay=" + pollMaxDelay
        + ", pollMultiplier=" + pollMultiplier + ", submitTimeoutMargin=" + submitTimeoutMargin
        + ", closeCancelTimeout=" + closeCancelTimeout + ", awaitWarehouseRunning=" + awaitWarehouseRunning
        + ", warehousePollInitialDelay=" + warehousePollInitialDelay + ", warehousePollMaxDelay=" + warehousePollMaxDelay
        + ", warehousePollMultiplier=" + warehousePollMultiplier + ", warehouseReadyTimeout=" + warehouseReadyTimeout + "]";
  }

  /** Builder for {@link SqlOptions}. */
  public static final class Builder {
    /** The server drops a statement not polled for 15 minutes; stay far below. */
    private static final Duration MAX_POLL_DELAY = Duration.ofMinutes(5);
    private static final Duration ONE_MS = Duration.ofMillis(1);

    /** Smallest budget: a few segments of room, so downloads make progress in steps worth a request. */
    static final long MIN_RESULT_MEMORY_BUDGET = 16 * 1024;

    private int downloadParallelism = 16;
    private long resultMemoryBudget = defaultBudget();
    private int maxBufferedChunks = Integer.MAX_VALUE;
    private Duration linkExpiryMargin = Duration.ofSeconds(60);
    private int maxLinkRefreshes = 3;
    private Duration downloadIdleTimeout = Duration.ofSeconds(60);
    private Duration pollInitialDelay = Duration.ofMillis(500);
    private Duration pollMaxDelay = Duration.ofSeconds(5);
    // 500 ms then x1.15: a statement finishing 1-6 s after submit is seen about 0.5 s later in
    // median (x1.25 measured 0.60 s in PollCadenceBenchmark), never more than 2 polls per second.
    private double pollMultiplier = 1.15;
    private Duration submitTimeoutMargin = Duration.ofSeconds(30);
    private Duration closeCancelTimeout = Duration.ofSeconds(5);
    private boolean awaitWarehouseRunning;
    // A warehouse starts in seconds (serverless) to minutes (classic): as for clusters, 1 s then x1.5 to 10 s.
    private Duration warehousePollInitialDelay = Duration.ofSeconds(1);
    private Duration warehousePollMaxDelay = Duration.ofSeconds(10);
    private double warehousePollMultiplier = 1.5;
    private Duration warehouseReadyTimeout = Duration.ofMinutes(20);

    private Builder() {}

    /**
     * Chunks downloaded at once; 1 to 64, 16 by default. See
     * {@link SqlOptions#downloadParallelism()}.
     *
     * @param value the parallelism
     * @return this builder
     */
    public Builder downloadParallelism(int value) {
      this.downloadParallelism = between(value, "downloadParallelism", 1, 64);
      return this;
    }

    /** 64 MiB, or a quarter of the largest heap when that is smaller (a 64 MiB heap gets 16 MiB). */
    private static long defaultBudget() {
      long max = Runtime.getRuntime().maxMemory();
      long quarter = max == Long.MAX_VALUE ? Long.MAX_VALUE : max / 4;
      return Math.max(MIN_RESULT_MEMORY_BUDGET, Math.min(64L * 1024 * 1024, quarter));
    }

    /** At least 16 KiB; see {@link SqlOptions#resultMemoryBudget()}. */
    public Builder resultMemoryBudget(long bytes) {
      this.resultMemoryBudget = atLeast(bytes, "resultMemoryBudget", MIN_RESULT_MEMORY_BUDGET);
      return this;
    }

    /** @deprecated see {@link SqlOptions#maxBufferedChunks()}. */
    @Deprecated
    public Builder maxBufferedChunks(int value) {
      this.maxBufferedChunks = (int) atLeast(value, "maxBufferedChunks", 1);
      return this;
    }

    /**
     * Refresh a link expiring sooner than this before using it; zero or more, 60 s by default.
     *
     * @param value the margin
     * @return this builder
     */
    public Builder linkExpiryMargin(Duration value) {
      this.linkExpiryMargin = atLeast(value, "linkExpiryMargin", Duration.ZERO);
      return this;
    }

    /**
     * Refreshes of one chunk's link after failed downloads before the read fails; zero or more, 3
     * by default.
     *
     * @param value the count
     * @return this builder
     */
    public Builder maxLinkRefreshes(int value) {
      this.maxLinkRefreshes = (int) atLeast(value, "maxLinkRefreshes", 0);
      return this;
    }

    /**
     * Abandon a download that receives no data for this long; at least 1 ms, 60 s by default.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder downloadIdleTimeout(Duration value) {
      this.downloadIdleTimeout = atLeast(value, "downloadIdleTimeout", ONE_MS);
      return this;
    }

    /**
     * The gap before the first statement poll; at least 1 ms, 500 ms by default.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder pollInitialDelay(Duration value) {
      this.pollInitialDelay = atLeast(value, "pollInitialDelay", ONE_MS);
      return this;
    }

    /**
     * The longest gap between statement polls; 1 ms to 5 minutes (the server drops a statement not
     * polled for 15), 5 s by default, not below the initial delay.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder pollMaxDelay(Duration value) {
      this.pollMaxDelay = between(value, "pollMaxDelay", ONE_MS, MAX_POLL_DELAY);
      return this;
    }

    /**
     * Growth of the gap between statement polls; 1.0 (a fixed gap) to 10.0, 1.15 by default.
     *
     * @param value the multiplier
     * @return this builder
     */
    public Builder pollMultiplier(double value) {
      this.pollMultiplier = between(value, "pollMultiplier", 1.0, 10.0);
      return this;
    }

    /**
     * How much longer than the request's wait timeout a submit waits for its answer; zero or more,
     * 30 s by default.
     *
     * @param value the margin
     * @return this builder
     */
    public Builder submitTimeoutMargin(Duration value) {
      this.submitTimeoutMargin = atLeast(value, "submitTimeoutMargin", Duration.ZERO);
      return this;
    }

    /**
     * How long closing the client waits for the cancels of running statements; zero or more, 5 s by
     * default.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder closeCancelTimeout(Duration value) {
      this.closeCancelTimeout = atLeast(value, "closeCancelTimeout", Duration.ZERO);
      return this;
    }

    /**
     * Whether to make sure the warehouse is RUNNING before submitting; off by default. See
     * {@link SqlOptions#awaitWarehouseRunning()}.
     *
     * @param value true to wait for the warehouse first
     * @return this builder
     */
    public Builder awaitWarehouseRunning(boolean value) {
      this.awaitWarehouseRunning = value;
      return this;
    }

    /**
     * The first gap between warehouse polls; at least 1 ms, 1 s by default.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder warehousePollInitialDelay(Duration value) {
      this.warehousePollInitialDelay = atLeast(value, "warehousePollInitialDelay", ONE_MS);
      return this;
    }

    /**
     * The longest gap between warehouse polls; at least 1 ms, 10 s by default, not below the
     * initial delay.
     *
     * @param value the delay
     * @return this builder
     */
    public Builder warehousePollMaxDelay(Duration value) {
      this.warehousePollMaxDelay = atLeast(value, "warehousePollMaxDelay", ONE_MS);
      return this;
    }

    /** 1.0 (a fixed gap) to 4.0. */
    public Builder warehousePollMultiplier(double value) {
      this.warehousePollMultiplier = between(value, "warehousePollMultiplier", 1.0, 4.0);
      return this;
    }

    /**
     * How long to wait for a warehouse to be RUNNING; at least 1 ms, 20 minutes by default.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder warehouseReadyTimeout(Duration value) {
      this.warehouseReadyTimeout = atLeast(value, "warehouseReadyTimeout", ONE_MS);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the immutable options
     * @throws IllegalArgumentException if a maximum poll delay is below its initial delay
     */
    public SqlOptions build() {
      ordered(pollInitialDelay, "pollInitialDelay", pollMaxDelay, "pollMaxDelay");
      ordered(warehousePollInitialDelay, "warehousePollInitialDelay", warehousePollMaxDelay, "warehousePollMaxDelay");
      return new SqlOptions(this);
    }
  }
}

package dev.kiln.emulator.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of one workspace (server, SQL, Genie, clusters and command execution, Model Serving, Vector
 * Search), collected by {@code LocalWorkspace.Builder}: every setter checks its value, and every knob has a
 * default. Mutable while the builder fills it; {@link WorkspaceRuntime} reads it once, when it starts, so a
 * builder changed afterwards changes nothing that runs. Never prints the token.
 */
public final class WorkspaceSettings {
  private String token; // null: a fresh random one for each workspace
  private int chunkRowCount = 10_000;
  private long maxResultBytes = SqlEngine.MAX_RESULT_BYTES;
  private boolean arrowNativeComplexTypes;
  private Duration externalLinkTtl = Duration.ofMinutes(15);
  private Duration resultRetention = Duration.ofHours(1);
  private Duration genieStepDelay = Duration.ofMillis(100);
  private Clock clock = Clock.systemUTC();
  private int serverThreads = 16;
  private int sqlConcurrency = 10;
  private Duration clusterStartTime = Duration.ofMillis(200);
  private Duration warehouseStartTime = Duration.ofMillis(200);
  private int contextsPerCluster = 20;
  private Duration commandTimeout = Duration.ofMinutes(5);
  private Optional<Path> pythonExecutable = PythonLocator.onPath();
  private Duration servingEndpointStartTime = Duration.ofMillis(200);
  private Duration modelRegistrationTime = Duration.ofMillis(200);
  private int vectorSearchPageSize = 1000;
  private Duration oauthTokenTtl = Duration.ofHours(1);
  private boolean https;
  private Duration jobStepTime = Duration.ofMillis(50);
  private Duration vectorSearchProvisioningTime = Duration.ofMillis(200);
  private Duration servingDataPlaneTokenLifetime = Duration.ofHours(1);

  /** A fixed bearer token instead of a random one. */
  public void token(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.token = token;
  }

  /** Rows per result chunk. */
  public void chunkRowCount(int rows) {
    this.chunkRowCount = atLeastOne(rows, "chunkRowCount");
  }

  /** EXTERNAL_LINKS results larger than this are cut and marked truncated. */
  public void maxResultBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxResultBytes must be positive, was " + bytes);
    }
    this.maxResultBytes = bytes;
  }

  /** ARROW_STREAM: ARRAY/MAP/STRUCT as Arrow list/map/struct instead of Databricks' JSON text. */
  public void arrowNativeComplexTypes(boolean enabled) {
    this.arrowNativeComplexTypes = enabled;
  }

  /** How long an external link works. */
  public void externalLinkTtl(Duration ttl) {
    this.externalLinkTtl = positive(ttl, "externalLinkTtl");
  }

  /** How long a SUCCEEDED statement keeps its result before it is CLOSED. */
  public void resultRetention(Duration retention) {
    this.resultRetention = positive(retention, "resultRetention");
  }

  /** The pause between Genie message statuses; zero is allowed. */
  public void genieStepDelay(Duration delay) {
    Objects.requireNonNull(delay, "genieStepDelay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("genieStepDelay must not be negative");
    }
    this.genieStepDelay = delay;
  }

  /** The clock for link expiry, result retention and timestamps. */
  public void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Threads serving HTTP. */
  public void serverThreads(int threads) {
    this.serverThreads = atLeastOne(threads, "serverThreads");
  }

  /** Statements running at once; the rest wait as PENDING. */
  public void sqlConcurrency(int statements) {
    this.sqlConcurrency = atLeastOne(statements, "sqlConcurrency");
  }

  /** How long PENDING, RESTARTING and TERMINATING last. */
  /** How long a SQL warehouse stays STARTING or STOPPING. */
  public void warehouseStartTime(Duration time) {
    this.warehouseStartTime = notNegative(time, "warehouseStartTime");
  }

  public void clusterStartTime(Duration time) {
    this.clusterStartTime = notNegative(time, "clusterStartTime");
  }

  /** Execution contexts a cluster holds at once; creating one more fails. */
  public void contextsPerCluster(int limit) {
    this.contextsPerCluster = atLeastOne(limit, "contextsPerCluster");
  }

  /** How long one command may run before it is stopped with status Error. */
  public void commandTimeout(Duration timeout) {
    this.commandTimeout = positive(timeout, "commandTimeout");
  }

  /** The Python interpreter for {@code python} commands; empty means none (commands then fail clearly). */
  public void pythonExecutable(Optional<Path> python) {
    this.pythonExecutable = Objects.requireNonNull(python, "pythonExecutable");
  }

  /** How long an endpoint created over the API stays NOT_READY. */
  public void servingEndpointStartTime(Duration time) {
    this.servingEndpointStartTime = notNegative(time, "servingEndpointStartTime");
  }

  /** How long a new MLflow model version stays PENDING_REGISTRATION. */
  public void modelRegistrationTime(Duration time) {
    this.modelRegistrationTime = notNegative(time, "modelRegistrationTime");
  }

  /** Rows per page of a vector search query; more results come through next-page tokens. */
  public void vectorSearchPageSize(int rows) {
    this.vectorSearchPageSize = atLeastOne(rows, "vectorSearchPageSize");
  }

  /** How long an OAuth access token from {@code /oidc/v1/token} works. */
  public void oauthTokenTtl(Duration ttl) {
    this.oauthTokenTtl = positive(ttl, "oauthTokenTtl");
  }

  /** Serve https with a self-signed certificate made at start. */
  public void https(boolean enabled) {
    this.https = enabled;
  }

  boolean https() {
    return https;
  }

  Duration oauthTokenTtl() {
    return oauthTokenTtl;
  }

  /** How long each step of a job run or task lasts (PENDING, the least time RUNNING, TERMINATING). */
  public void jobStepTime(Duration time) {
    this.jobStepTime = notNegative(time, "jobStepTime");
  }

  /** How long vector search endpoints and indexes created over the API stay PROVISIONING. */
  public void vectorSearchProvisioningTime(Duration time) {
    this.vectorSearchProvisioningTime = notNegative(time, "vectorSearchProvisioningTime");
  }

  /** How long a route-optimized endpoint's minted data-plane token lives. */
  public void servingDataPlaneTokenLifetime(Duration time) {
    if (notNegative(time, "servingDataPlaneTokenLifetime").getSeconds() < 1) {
      throw new IllegalArgumentException("servingDataPlaneTokenLifetime must be at least 1 s, was " + time);
    }
    this.servingDataPlaneTokenLifetime = time;
  }

  /** The token set with {@link #token(String)}, if any. */
  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  boolean arrowNativeComplexTypes() {
    return arrowNativeComplexTypes;
  }

  int chunkRowCount() {
    return chunkRowCount;
  }

  long maxResultBytes() {
    return maxResultBytes;
  }

  Duration externalLinkTtl() {
    return externalLinkTtl;
  }

  Duration resultRetention() {
    return resultRetention;
  }

  Duration genieStepDelay() {
    return genieStepDelay;
  }

  Clock clock() {
    return clock;
  }

  int serverThreads() {
    return serverThreads;
  }

  int sqlConcurrency() {
    return sqlConcurrency;
  }

  Duration warehouseStartTime() {
    return warehouseStartTime;
  }

  Duration clusterStartTime() {
    return clusterStartTime;
  }

  int contextsPerCluster() {
    return contextsPerCluster;
  }

  Duration commandTimeout() {
    return commandTimeout;
  }

  Optional<Path> pythonExecutable() {
    return pythonExecutable;
  }

  Duration modelRegistrationTime() {
    return modelRegistrationTime;
  }

  Duration servingEndpointStartTime() {
    return servingEndpointStartTime;
  }

  Duration jobStepTime() {
    return jobStepTime;
  }

  int vectorSearchPageSize() {
    return vectorSearchPageSize;
  }

  Duration servingDataPlaneTokenLifetime() {
    return servingDataPlaneTokenLifetime;
  }

  Duration vectorSearchProvisioningTime() {
    return vectorSearchProvisioningTime;
  }

  private static int atLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  private static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }
}

package dev.kiln.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The knobs of one workspace, as {@code LocalWorkspace.Builder} collected them. */
public final class WorkspaceSettings {
  private final String token;
  private final int chunkRowCount;
  private final Duration externalLinkTtl;
  private final Duration resultRetention;
  private final Duration genieStepDelay;
  private final Clock clock;
  private final int serverThreads;
  private final int sqlConcurrency;

  public WorkspaceSettings(
      String token,
      int chunkRowCount,
      Duration externalLinkTtl,
      Duration resultRetention,
      Duration genieStepDelay,
      Clock clock,
      int serverThreads,
      int sqlConcurrency) {
    this.token = Objects.requireNonNull(token, "token");
    this.chunkRowCount = chunkRowCount;
    this.externalLinkTtl = Objects.requireNonNull(externalLinkTtl, "externalLinkTtl");
    this.resultRetention = Objects.requireNonNull(resultRetention, "resultRetention");
    this.genieStepDelay = Objects.requireNonNull(genieStepDelay, "genieStepDelay");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.serverThreads = serverThreads;
    this.sqlConcurrency = sqlConcurrency;
  }

  /** A fresh random personal-access-token-shaped token. */
  public static String newToken() {
    return Ids.personalAccessToken();
  }

  String token() {
    return token;
  }

  int chunkRowCount() {
    return chunkRowCount;
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
}

package dev.kiln.files;

import dev.kiln.core.spi.OptionChecks;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning shared by {@link DbfsClient}, {@link WorkspaceFilesClient} and {@link VolumeFilesClient}.
 * Immutable; {@code FilesOptions.builder().downloadResumeAttempts(5).build()}.
 */
public final class FilesOptions {
  /** The DBFS limit for one {@code add-block}, one {@code read} and one {@code put}: 1 MB. */
  public static final int MAX_DBFS_BLOCK = 1 << 20;

  private static final FilesOptions DEFAULTS = builder().build();

  private final int dbfsBlockSize;
  private final int downloadResumeAttempts;
  private final Duration resumeDelay;
  private final int partialDeleteRounds;
  private final int directoryPageSize;
  private final Duration transferTimeout;

  private FilesOptions(Builder b) {
    this.dbfsBlockSize = b.dbfsBlockSize;
    this.downloadResumeAttempts = b.downloadResumeAttempts;
    this.resumeDelay = b.resumeDelay;
    this.partialDeleteRounds = b.partialDeleteRounds;
    this.directoryPageSize = b.directoryPageSize;
    this.transferTimeout = b.transferTimeout;
  }

  /**
   * 1 MB DBFS blocks, 3 download resumes 200 ms apart, 100 partial-delete rounds, 1000 entries per
   * page, 1 h per volume transfer.
   */
  public static FilesOptions defaults() {
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
        .dbfsBlockSize(dbfsBlockSize)
        .downloadResumeAttempts(downloadResumeAttempts)
        .resumeDelay(resumeDelay)
        .partialDeleteRounds(partialDeleteRounds)
        .directoryPageSize(directoryPageSize)
        .transferTimeout(transferTimeout);
  }

  /**
   * Bytes per DBFS {@code add-block} and {@code read} call, and so the bound on the file bytes a
   * DBFS transfer holds in memory at once (one block, plus its base64 text while it is sent).
   */
  public int dbfsBlockSize() {
    return dbfsBlockSize;
  }

  /** How often a volume download whose connection drops is resumed with a {@code Range} request. */
  public int downloadResumeAttempts() {
    return downloadResumeAttempts;
  }

  /** The pause before each such resume. */
  public Duration resumeDelay() {
    return resumeDelay;
  }

  /**
   * How many times a DBFS delete is repeated while the server answers {@code PARTIAL_DELETE} (a
   * large tree is deleted in rounds of about 45 s each).
   */
  public int partialDeleteRounds() {
    return partialDeleteRounds;
  }

  /** Entries asked for per page of a volume directory listing (the server's maximum is 1000). */
  public int directoryPageSize() {
    return directoryPageSize;
  }

  /**
   * How long one volume upload or download (or a streamed workspace export) may take in all, in place
   * of the client's overall timeout, which suits API calls, not gigabytes. An upload also waits this
   * long for the answer's headers, since the JDK counts sending the body into that wait; a download
   * still fails after the client's read timeout of silence.
   */
  public Duration transferTimeout() {
    return transferTimeout;
  }

  /** Equal when every setting is equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FilesOptions)) {
      return false;
    }
    FilesOptions x = (FilesOptions) o;
    return dbfsBlockSize == x.dbfsBlockSize && downloadResumeAttempts == x.downloadResumeAttempts
        && resumeDelay.equals(x.resumeDelay) && partialDeleteRounds == x.partialDeleteRounds
        && directoryPageSize == x.directoryPageSize && transferTimeout.equals(x.transferTimeout);
  }

  /** A hash of every setting, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(dbfsBlockSize, downloadResumeAttempts, resumeDelay, partialDeleteRounds, directoryPageSize, transferTimeout);
  }

  /** Every setting, for logs; holds nothing secret. */
  @Override
  public String toString() {
    return "FilesOptions[dbfsBlockSize=" + dbfsBlockSize + ", downloadResumeAttempts=" + downloadResumeAttempts
        + ", resumeDelay=" + resumeDelay + ", partialDeleteRounds=" + partialDeleteRounds
        + ", directoryPageSize=" + directoryPageSize + ", transferTimeout=" + transferTimeout + "]";
  }

  /** Builder for {@link FilesOptions}; each setter checks its range. */
  public static final class Builder {
    private int dbfsBlockSize = MAX_DBFS_BLOCK;
    private int downloadResumeAttempts = 3;
    private Duration resumeDelay = Duration.ofMillis(200);
    private int partialDeleteRounds = 100;
    private int directoryPageSize = 1000;
    private Duration transferTimeout = Duration.ofHours(1);

    private Builder() {}

    /** 1 byte to 1 MB. */
    public Builder dbfsBlockSize(int value) {
      this.dbfsBlockSize = OptionChecks.between(value, "dbfsBlockSize", 1, MAX_DBFS_BLOCK);
      return this;
    }

    /** 0 (never resume) to 100. */
    public Builder downloadResumeAttempts(int value) {
      this.downloadResumeAttempts = OptionChecks.between(value, "downloadResumeAttempts", 0, 100);
      return this;
    }

    /** 0 to 1 min. */
    public Builder resumeDelay(Duration value) {
      this.resumeDelay = OptionChecks.between(value, "resumeDelay", Duration.ZERO, Duration.ofMinutes(1));
      return this;
    }

    /** 1 to 10 000. */
    public Builder partialDeleteRounds(int value) {
      this.partialDeleteRounds = OptionChecks.between(value, "partialDeleteRounds", 1, 10_000);
      return this;
    }

    /** 1 to 1000. */
    public Builder directoryPageSize(int value) {
      this.directoryPageSize = OptionChecks.between(value, "directoryPageSize", 1, 1000);
      return this;
    }

    /** 1 s to 7 days. */
    public Builder transferTimeout(Duration value) {
      this.transferTimeout = OptionChecks.between(value, "transferTimeout", Duration.ofSeconds(1), Duration.ofDays(7));
      return this;
    }

    /**
     * The options set so far; values were checked as they were set.
     *
     * @return the immutable options
     */
    public FilesOptions build() {
      return new FilesOptions(this);
    }
  }
}

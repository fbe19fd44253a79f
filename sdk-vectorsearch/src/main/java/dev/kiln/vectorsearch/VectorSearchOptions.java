package dev.kiln.vectorsearch;

/**
 * Tuning for {@link VectorSearchClient}. Immutable;
 * {@code VectorSearchOptions.builder().scanPageSize(500).build()}.
 *
 * <p>Vector Search has no long-running call to poll (queries, scans and writes answer at once), so
 * the only knob is the scan's page size; per-call timeouts are the {@code DatabricksClient}'s.
 */
public final class VectorSearchOptions {
  private static final VectorSearchOptions DEFAULTS = builder().build();

  private final int scanPageSize;

  private VectorSearchOptions(Builder b) {
    this.scanPageSize = b.scanPageSize;
  }

  /** Scans fetch 100 entries per request. */
  public static VectorSearchOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().scanPageSize(scanPageSize);
  }

  /** Entries fetched per request by {@link VectorSearchClient#scan(String)} (the server's {@code num_results}). */
  public int scanPageSize() {
    return scanPageSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorSearchOptions && ((VectorSearchOptions) o).scanPageSize == scanPageSize;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(scanPageSize);
  }

  @Override
  public String toString() {
    return "VectorSearchOptions[scanPageSize=" + scanPageSize + "]";
  }

  /** Builder for {@link VectorSearchOptions}. */
  public static final class Builder {
    private int scanPageSize = 100;

    private Builder() {}

    public Builder scanPageSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("scanPageSize must be at least 1, was " + value);
      }
      this.scanPageSize = value;
      return this;
    }

    public VectorSearchOptions build() {
      return new VectorSearchOptions(this);
    }
  }
}

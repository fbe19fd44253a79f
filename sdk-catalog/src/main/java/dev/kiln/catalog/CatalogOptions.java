package dev.kiln.catalog;

/**
 * Tuning for {@link CatalogClient}. Immutable; {@code CatalogOptions.builder().pageSize(100).build()}.
 *
 * <p>Unity Catalog calls answer at once (nothing to poll), so the only knob is the page size of
 * listings; per-call timeouts are the {@code DatabricksClient}'s.
 */
public final class CatalogOptions {
  private static final CatalogOptions DEFAULTS = builder().build();

  private final int pageSize;

  private CatalogOptions(Builder b) {
    this.pageSize = b.pageSize;
  }

  /** Listings let the server choose the page size. */
  public static CatalogOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults (page size 0: the server's choice).
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
    return new Builder().pageSize(pageSize);
  }

  /**
   * {@code max_results} of every listing. 0 (the default, as the official SDKs send) asks for the
   * server's page size; the server caps larger values at its own limit. Always sent: without it,
   * Unity Catalog falls back to its deprecated unpaginated listing.
   */
  public int pageSize() {
    return pageSize;
  }

  /** Equal when the page sizes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CatalogOptions && ((CatalogOptions) o).pageSize == pageSize;
  }

  /** A hash of the page size, consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Integer.hashCode(pageSize);
  }

  /** The page size, for logs. */
  @Override
  public String toString() {
    return "CatalogOptions[pageSize=" + pageSize + "]";
  }

  /** Builder for {@link CatalogOptions}. */
  public static final class Builder {
    private int pageSize;

    private Builder() {}

    /**
     * Sets {@link CatalogOptions#pageSize()}.
     *
     * @param value 0 (the server's choice) or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder pageSize(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("pageSize must be 0 (server's choice) or more, was " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * The options set so far.
     *
     * @return the immutable options
     */
    public CatalogOptions build() {
      return new CatalogOptions(this);
    }
  }
}

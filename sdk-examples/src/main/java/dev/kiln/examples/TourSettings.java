package dev.kiln.examples;

import java.util.List;
import java.util.Optional;

/**
 * What the tour runs against: a warehouse, a cluster, serving endpoints, a vector index and a Genie space.
 * A step whose resource is absent is skipped with a one-line explanation. On the emulator every setting is
 * filled from the seeded workspace; on a real workspace from options and environment variables.
 */
public final class TourSettings {
  private final String warehouseId;
  private final String clusterId;
  private final String sqlRelation;
  private final String modelEndpoint;
  private final String chatEndpoint;
  private final String index;
  private final List<String> indexColumns;
  private final String vectorQuestion;
  private final String genieSpaceId;
  private final String genieQuestion;
  private final String volume;

  private TourSettings(Builder b) {
    this.warehouseId = blankToNull(b.warehouseId);
    this.clusterId = blankToNull(b.clusterId);
    this.sqlRelation = b.sqlRelation == null || b.sqlRelation.isBlank() ? TourData.inlineRelation() : b.sqlRelation;
    this.modelEndpoint = blankToNull(b.modelEndpoint);
    this.chatEndpoint = blankToNull(b.chatEndpoint);
    this.index = blankToNull(b.index);
    this.indexColumns = b.indexColumns == null || b.indexColumns.isEmpty() ? TourData.INDEX_COLUMNS : List.copyOf(b.indexColumns);
    this.vectorQuestion = orDefault(b.vectorQuestion, TourData.VECTOR_QUESTION);
    this.genieSpaceId = blankToNull(b.genieSpaceId);
    this.genieQuestion = orDefault(b.genieQuestion, TourData.GENIE_QUESTION);
    this.volume = blankToNull(b.volume);
  }

  /** A Unity Catalog volume directory, {@code /Volumes/<catalog>/<schema>/<volume>[/...]}, to copy a CSV through. */
  public Optional<String> volume() {
    return Optional.ofNullable(volume);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> warehouseId() {
    return Optional.ofNullable(warehouseId);
  }

  public Optional<String> clusterId() {
    return Optional.ofNullable(clusterId);
  }

  /** The table (or inline relation) the SQL step reads: {@link TourData#inlineRelation()} by default. */
  public String sqlRelation() {
    return sqlRelation;
  }

  /** A model taking {@code dataframe_records} with a {@code prev_month_wht} column. */
  public Optional<String> modelEndpoint() {
    return Optional.ofNullable(modelEndpoint);
  }

  /** A chat model ({@code llm/v1/chat}). */
  public Optional<String> chatEndpoint() {
    return Optional.ofNullable(chatEndpoint);
  }

  public Optional<String> index() {
    return Optional.ofNullable(index);
  }

  public List<String> indexColumns() {
    return indexColumns;
  }

  public String vectorQuestion() {
    return vectorQuestion;
  }

  public Optional<String> genieSpaceId() {
    return Optional.ofNullable(genieSpaceId);
  }

  public String genieQuestion() {
    return genieQuestion;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** {@code value} as given, or {@code fallback} when it is null or blank. */
  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  public static final class Builder {
    private String warehouseId;
    private String clusterId;
    private String sqlRelation;
    private String modelEndpoint;
    private String chatEndpoint;
    private String index;
    private List<String> indexColumns;
    private String vectorQuestion;
    private String genieSpaceId;
    private String genieQuestion;
    private String volume;

    private Builder() {}

    public Builder warehouseId(String value) {
      this.warehouseId = value;
      return this;
    }

    public Builder clusterId(String value) {
      this.clusterId = value;
      return this;
    }

    public Builder sqlRelation(String value) {
      this.sqlRelation = value;
      return this;
    }

    public Builder modelEndpoint(String value) {
      this.modelEndpoint = value;
      return this;
    }

    public Builder chatEndpoint(String value) {
      this.chatEndpoint = value;
      return this;
    }

    public Builder index(String value) {
      this.index = value;
      return this;
    }

    public Builder indexColumns(List<String> value) {
      this.indexColumns = value;
      return this;
    }

    public Builder vectorQuestion(String value) {
      this.vectorQuestion = value;
      return this;
    }

    public Builder genieSpaceId(String value) {
      this.genieSpaceId = value;
      return this;
    }

    public Builder genieQuestion(String value) {
      this.genieQuestion = value;
      return this;
    }

    public Builder volume(String value) {
      this.volume = value;
      return this;
    }

    public TourSettings build() {
      return new TourSettings(this);
    }
  }
}

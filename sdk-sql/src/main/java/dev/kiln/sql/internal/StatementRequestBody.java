package dev.kiln.sql.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.sql.model.StatementParameter;
import dev.kiln.sql.model.StatementRequest;
import java.util.List;

/** The JSON body of POST /api/2.0/sql/statements/; absent values are left out by the shared mapper. */
final class StatementRequestBody {
  @JsonProperty("statement")
  final String statement;
  @JsonProperty("warehouse_id")
  final String warehouseId;
  @JsonProperty("catalog")
  final String catalog;
  @JsonProperty("schema")
  final String schema;
  @JsonProperty("parameters")
  final List<StatementParameter> parameters;
  @JsonProperty("row_limit")
  final Long rowLimit;
  @JsonProperty("byte_limit")
  final Long byteLimit;
  @JsonProperty("disposition")
  final String disposition;
  @JsonProperty("format")
  final String format;
  @JsonProperty("result_compression")
  final String resultCompression;
  @JsonProperty("wait_timeout")
  final String waitTimeout;
  @JsonProperty("on_wait_timeout")
  final String onWaitTimeout;
  @JsonProperty("query_tags")
  final List<dev.kiln.sql.model.QueryTag> queryTags;

  private StatementRequestBody(StatementRequest r) {
    this.statement = r.statement();
    this.warehouseId = r.warehouseId();
    this.catalog = r.catalog().orElse(null);
    this.schema = r.schema().orElse(null);
    this.parameters = r.parameters().isEmpty() ? null : r.parameters();
    this.rowLimit = r.rowLimit().isPresent() ? r.rowLimit().getAsLong() : null;
    this.byteLimit = r.byteLimit().isPresent() ? r.byteLimit().getAsLong() : null;
    this.disposition = r.disposition().map(Enum::name).orElse(null);
    this.format = r.format().map(Enum::name).orElse(null);
    // Unless told otherwise, Arrow links are asked for LZ4-compressed, as the Databricks JDBC driver does
    // (the chunk reader decodes it; the manifest says what the server chose).
    boolean arrowLinks = r.format().map(f -> f == dev.kiln.sql.model.Format.ARROW_STREAM).orElse(false)
        && r.disposition().map(d -> d == dev.kiln.sql.model.Disposition.EXTERNAL_LINKS).orElse(false);
    this.resultCompression =
        r.resultCompression().map(Enum::name).orElse(arrowLinks ? "LZ4_FRAME" : null);
    this.waitTimeout = r.waitTimeout().map(d -> d.getSeconds() + "s").orElse(null);
    this.onWaitTimeout = r.onWaitTimeout().map(Enum::name).orElse(null);
    this.queryTags = r.queryTags().isEmpty() ? null : r.queryTags();
  }

  static StatementRequestBody of(StatementRequest request) {
    return new StatementRequestBody(request);
  }
}

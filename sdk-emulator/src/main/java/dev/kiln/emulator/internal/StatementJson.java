package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/** Renders statements as the Statement Execution API does: the statement response and result chunks. */
final class StatementJson {
  private final ExternalLinks links;

  StatementJson(ExternalLinks links) {
    this.links = links;
  }

  /** {@code {statement_id, status, manifest, result}}; manifest and result only once SUCCEEDED. */
  ObjectNode response(SqlStatement statement) {
    SqlStatement.Snapshot snapshot = statement.snapshot();
    ObjectNode response = Json.object();
    response.put("statement_id", statement.id());
    ObjectNode status = response.putObject("status");
    status.put("state", snapshot.state.name());
    if (snapshot.failure != null) {
      status.putObject("error")
          .put("error_code", snapshot.failure.errorCode())
          .put("message", snapshot.failure.getMessage());
      status.put("sql_state", snapshot.failure.sqlState());
    }
    if (snapshot.state == StatementState.SUCCEEDED && snapshot.result != null) {
      response.set("manifest", manifest(statement, snapshot.result));
      response.set("result", chunks(statement, snapshot.result, 0));
    }
    return response;
  }

  /** The body of {@code GET .../result/chunks/{n}}. */
  ObjectNode chunk(SqlStatement statement, int index) {
    SqlStatement.Snapshot snapshot = statement.snapshot();
    if (snapshot.state != StatementState.SUCCEEDED || snapshot.result == null) {
      if (snapshot.state == StatementState.CLOSED) {
        throw ApiException.notFound("The result of statement " + statement.id() + " is no longer available.");
      }
      throw ApiException.invalidState(
          "Statement " + statement.id() + " is " + snapshot.state + "; only SUCCEEDED statements have results.");
    }
    if (index < 0 || index >= snapshot.result.chunks().size()) {
      throw ApiException.invalidParameter(
          "Chunk index " + index + " is out of range; the result has " + snapshot.result.chunks().size()
              + " chunks.");
    }
    return chunks(statement, snapshot.result, index);
  }

  private static ObjectNode manifest(SqlStatement statement, ResultChunks result) {
    ObjectNode manifest = Json.object();
    manifest.put("format", result.format().name());
    if (statement.request().requestedCompression() != null) {
      // Echoed only when asked about: what the chunks really are, which may differ from the request.
      manifest.put("result_compression", result.compression().name());
    }
    ObjectNode schema = manifest.putObject("schema");
    schema.put("column_count", result.columns().size());
    ArrayNode columns = schema.putArray("columns");
    for (ResultColumn column : result.columns()) {
      ObjectNode node = columns.addObject();
      node.put("name", column.name());
      node.put("position", column.position());
      node.put("type_name", column.type().typeName());
      node.put("type_text", column.type().typeText());
      if (column.type().precision() != null) {
        node.put("type_precision", column.type().precision());
        node.put("type_scale", column.type().scale());
      }
    }
    manifest.put("total_chunk_count", result.chunks().size());
    manifest.put("total_row_count", result.totalRows());
    manifest.put("total_byte_count", result.totalBytes());
    manifest.put("truncated", result.truncated());
    ArrayNode chunks = manifest.putArray("chunks");
    for (ResultChunks.Chunk chunk : result.chunks()) {
      chunks.add(chunkInfo(chunk));
    }
    return manifest;
  }

  /** INLINE: the chunk with {@code data_array}; EXTERNAL_LINKS: {@code external_links} with one fresh link. */
  private ObjectNode chunks(SqlStatement statement, ResultChunks result, int index) {
    ObjectNode data = Json.object();
    if (result.chunks().isEmpty()) {
      return data; // no rows: nothing to point at
    }
    ResultChunks.Chunk chunk = result.chunks().get(index);
    if (isInline(statement.request().disposition(), result)) {
      data.setAll(chunkInfo(chunk));
      if (result.format() == ResultFormat.ARROW_STREAM) {
        data.put("attachment", chunk.payload()); // Jackson writes bytes as base64
      } else {
        data.putRawValue("data_array", new RawValue(chunk.payloadText()));
      }
      addNext(data, statement, result, index);
      return data;
    }
    ObjectNode link = chunkInfo(chunk);
    link.setAll(links.issue(statement.id(), index));
    addNext(link, statement, result, index);
    data.putArray("external_links").add(link);
    return data;
  }

  /** INLINE_OR_EXTERNAL_LINKS answers inline when the whole result is one chunk. */
  private static boolean isInline(StatementRequest.Disposition disposition, ResultChunks result) {
    return disposition == StatementRequest.Disposition.INLINE
        || disposition == StatementRequest.Disposition.INLINE_OR_EXTERNAL_LINKS && result.chunks().size() <= 1;
  }

  private static ObjectNode chunkInfo(ResultChunks.Chunk chunk) {
    return Json.object()
        .put("chunk_index", chunk.index())
        .put("row_offset", chunk.rowOffset())
        .put("row_count", chunk.rowCount())
        .put("byte_count", chunk.byteCount());
  }

  private static void addNext(ObjectNode node, SqlStatement statement, ResultChunks result, int index) {
    if (index + 1 < result.chunks().size()) {
      node.put("next_chunk_index", index + 1);
      node.put(
          "next_chunk_internal_link",
          "/api/2.0/sql/statements/" + statement.id() + "/result/chunks/" + (index + 1));
    }
  }
}

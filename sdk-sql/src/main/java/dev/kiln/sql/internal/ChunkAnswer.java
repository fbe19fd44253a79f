package dev.kiln.sql.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.kiln.sql.model.ExternalLink;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the chunk engine reads from {@code GET .../result/chunks/{n}}: the chunk's presigned links, or
 * its inline rows. {@code data_array} goes straight into a {@link TextBatch}
 * through {@link JsonArrayChunkParser#readRows}, so no list-of-lists model of the chunk is built
 * and then copied. Other fields are ignored.
 */
final class ChunkAnswer {
  @JsonProperty("chunk_index")
  private OptionalInt chunkIndex = OptionalInt.empty();

  @JsonProperty("row_count")
  private OptionalLong rowCount = OptionalLong.empty();

  @JsonProperty("external_links")
  private List<ExternalLink> externalLinks;

  @JsonProperty("data_array")
  @JsonDeserialize(using = RowsDeserializer.class)
  private TextBatch rows;

  OptionalInt chunkIndex() {
    return chunkIndex;
  }

  /** The row count the answer states for the chunk, if any. */
  OptionalLong rowCount() {
    return rowCount;
  }

  List<ExternalLink> externalLinks() {
    return externalLinks == null ? List.of() : externalLinks;
  }

  /** Inline rows; empty when the answer has no {@code data_array}. */
  TextBatch rows() {
    return rows == null ? TextBatch.EMPTY : rows;
  }

  /** Reads {@code data_array} with the shared streaming row parser. */
  static final class RowsDeserializer extends StdDeserializer<TextBatch> {
    private static final long serialVersionUID = 1L;

    RowsDeserializer() {
      super(TextBatch.class);
    }

    @Override
    public TextBatch deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return JsonArrayChunkParser.readRows(p);
    }
  }
}

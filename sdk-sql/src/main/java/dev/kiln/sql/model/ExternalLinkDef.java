package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A presigned URL for one chunk. The URL and headers are credentials: they are left out of
 * {@code toString()}, and the download sends them without the workspace token.
 */
@Value.Immutable
@JsonSerialize(as = ExternalLink.class)
@JsonDeserialize(as = ExternalLink.class)
abstract class ExternalLinkDef {
  /** The chunk's 0-based position in the result. */
  @JsonProperty("chunk_index")
  public abstract int chunkIndex();

  /** The 0-based index in the whole result of the chunk's first row. */
  @JsonProperty("row_offset")
  public abstract OptionalLong rowOffset();

  /** Rows in the chunk. */
  @JsonProperty("row_count")
  public abstract OptionalLong rowCount();

  /** The chunk's size in bytes, as the server counts it. */
  @JsonProperty("byte_count")
  public abstract OptionalLong byteCount();

  /**
   * The presigned URL of the chunk's data. A credential: never log it; left out of
   * {@code toString()}.
   */
  @JsonProperty("external_link")
  @Value.Redacted
  public abstract String externalLink();

  /** When the link stops working, as sent (ISO-8601). */
  @JsonProperty("expiration")
  public abstract Optional<String> expiration();

  /** Headers the download must send (e.g. for server-side encryption keys). */
  @JsonProperty("http_headers")
  @Value.Redacted
  public abstract Map<String, String> httpHeaders();

  /** The index of the next chunk; absent on the last one. */
  @JsonProperty("next_chunk_index")
  public abstract OptionalInt nextChunkIndex();

  /** The API path of the next chunk; absent on the last one. */
  @JsonProperty("next_chunk_internal_link")
  public abstract Optional<String> nextChunkInternalLink();

  /** {@link #expiration()} parsed; empty when absent or unreadable. */
  @JsonIgnore
  public Optional<Instant> expiresAt() {
    if (expiration().isEmpty()) {
      return Optional.empty();
    }
    String text = expiration().get().trim();
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException notInstant) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }
}

package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A key/value tag on a serving endpoint. */
@Value.Immutable
@JsonSerialize(as = EndpointTag.class)
@JsonDeserialize(as = EndpointTag.class)
abstract class EndpointTagDef {
  /** The tag's key. */
  @JsonProperty("key")
  @Value.Parameter
  public abstract String key();

  /** The tag's value; empty for a key-only tag. */
  @JsonProperty("value")
  @Value.Parameter
  public abstract Optional<String> value();

  /** A tag; a null {@code value} makes a key-only tag. */
  public static EndpointTag of(String key, String value) {
    return EndpointTag.of(key, Optional.ofNullable(value));
  }
}

package dev.kiln.serving.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/** An endpoint's OpenAPI description: the text as served and, when it is JSON, its parsed tree. */
@Value.Immutable
abstract class OpenApiDocumentDef {
  /** The document exactly as the server sent it. */
  public abstract String text();

  /** The parsed document; empty when the text is not JSON. */
  public abstract Optional<JsonNode> json();

  @Override
  public String toString() {
    return "OpenApiDocument[" + text().length() + " chars, json=" + json().isPresent() + "]";
  }
}

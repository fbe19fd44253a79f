package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.serving.model.EndpointTag;
import java.util.List;

/** {@code {tags}} of the tags PATCH. */
public final class TagList {
  private final List<EndpointTag> tags;

  @JsonCreator
  TagList(@JsonProperty("tags") List<EndpointTag> tags) {
    this.tags = tags;
  }

  public List<EndpointTag> tags() {
    return tags == null ? List.of() : tags;
  }
}

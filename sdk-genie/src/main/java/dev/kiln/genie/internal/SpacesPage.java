package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.genie.model.GenieSpace;
import java.util.List;

/** {@code {spaces, next_page_token}}. */
final class SpacesPage {
  private final List<GenieSpace> spaces;
  private final String nextPageToken;

  @JsonCreator
  SpacesPage(@JsonProperty("spaces") List<GenieSpace> spaces, @JsonProperty("next_page_token") String nextPageToken) {
    this.spaces = spaces;
    this.nextPageToken = nextPageToken;
  }

  Page<GenieSpace> toPage() {
    return Page.of(spaces, nextPageToken);
  }
}

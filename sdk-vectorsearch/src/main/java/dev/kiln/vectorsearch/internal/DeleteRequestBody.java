package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire body of {@code DELETE .../delete-data}. */
public final class DeleteRequestBody {
  @JsonProperty("primary_keys")
  private final List<String> primaryKeys;

  public DeleteRequestBody(List<String> primaryKeys) {
    this.primaryKeys = List.copyOf(primaryKeys);
  }
}

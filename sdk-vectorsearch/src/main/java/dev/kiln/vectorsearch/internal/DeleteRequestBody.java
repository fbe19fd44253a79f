package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire body of {@code DELETE .../indexes/{name}/delete-data}. */
public final class DeleteRequestBody {
  @JsonProperty("primary_keys")
  private final List<String> primaryKeys;

  private DeleteRequestBody(List<String> primaryKeys) {
    this.primaryKeys = List.copyOf(primaryKeys);
  }

  public static DeleteRequestBody of(List<String> primaryKeys) {
    return new DeleteRequestBody(primaryKeys);
  }
}

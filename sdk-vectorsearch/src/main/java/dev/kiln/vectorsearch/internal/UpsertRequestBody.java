package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Map;

/** Wire body of {@code POST .../upsert-data}: the rows as a JSON array inside a string. */
public final class UpsertRequestBody {
  @JsonProperty("inputs_json")
  private final String inputsJson;

  private UpsertRequestBody(String inputsJson) {
    this.inputsJson = inputsJson;
  }

  public static UpsertRequestBody of(List<Map<String, Object>> rows) {
    try {
      return new UpsertRequestBody(Json.mapper().writeValueAsString(rows));
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("rows cannot be written as JSON: " + e.getOriginalMessage());
    }
  }
}

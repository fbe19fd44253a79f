package dev.kiln.mlflow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared by the models' {@code tagMap()} accessors. */
final class Tags {
  private Tags() {}

  static Map<String, String> toMap(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return Collections.unmodifiableMap(map);
  }
}

package dev.kiln.mlflow.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object body built field by field; absent (null) fields are left out. Jackson writes it. */
public final class Body {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private Body() {}

  public static Body of(String name, Object value) {
    return new Body().with(name, value);
  }

  public Body with(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  public Map<String, Object> build() {
    return fields;
  }
}

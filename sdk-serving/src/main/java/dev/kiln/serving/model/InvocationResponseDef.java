package dev.kiln.serving.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksClientException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a model answered: {@code predictions} (MLflow models) or {@code outputs} (feature serving),
 * the whole body, and the {@code served-model-name} header naming the model that answered.
 */
@Value.Immutable
abstract class InvocationResponseDef {
  /** The whole response body. */
  public abstract JsonNode json();

  /** The {@code served-model-name} response header. */
  public abstract Optional<String> servedModelName();

  /** The {@code predictions} field (classic MLflow models); empty when absent or null. */
  public Optional<JsonNode> predictions() {
    return field("predictions");
  }

  /** The {@code outputs} field (models that answer in columnar form); empty when absent or null. */
  public Optional<JsonNode> outputs() {
    return field("outputs");
  }

  /**
   * Predictions as numbers, one per row; accepts {@code [1.5, 2]} and single-value rows
   * {@code [[1.5], [2]]}. Throws when the predictions are missing or have another shape.
   */
  public double[] predictionsAsDoubles() {
    JsonNode p = require("predictions");
    if (!p.isArray()) {
      throw new DatabricksClientException("predictions are " + p.getNodeType() + ", not an array of numbers");
    }
    double[] values = new double[p.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = p.get(i);
      if (v.isArray() && v.size() == 1) {
        v = v.get(0);
      }
      if (!v.isNumber()) {
        throw new DatabricksClientException("prediction " + i + " is " + v.getNodeType()
            + ", not a number; read predictions() or predictionsAs(...) instead");
      }
      values[i] = v.doubleValue();
    }
    return values;
  }

  /** Predictions decoded as {@code type}, e.g. {@code new TypeReference<List<MyRow>>() {}}. */
  public <T> T predictionsAs(TypeReference<T> type) {
    return convert("predictions", Json.mapper().constructType(type));
  }

  /**
   * Predictions decoded as {@code type}.
   *
   * @throws dev.kiln.core.error.DatabricksClientException when there are no predictions or they do
   *     not fit {@code type}
   */
  public <T> T predictionsAs(Class<T> type) {
    return convert("predictions", Json.mapper().constructType(type));
  }

  /**
   * Outputs decoded as {@code type}, e.g.
   * {@code new TypeReference<Map<String, List<Double>>>() {}}.
   *
   * @throws dev.kiln.core.error.DatabricksClientException when there are no outputs or they do not
   *     fit {@code type}
   */
  public <T> T outputsAs(TypeReference<T> type) {
    return convert("outputs", Json.mapper().constructType(type));
  }

  private Optional<JsonNode> field(String name) {
    JsonNode v = json().get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  private JsonNode require(String name) {
    return field(name).orElseThrow(() -> new DatabricksClientException(
        "the response has no '" + name + "' field (fields: " + fieldNames() + ")"));
  }

  private <T> T convert(String name, JavaType type) {
    try {
      return Json.mapper().convertValue(require(name), type);
    } catch (IllegalArgumentException e) {
      throw new DatabricksClientException("cannot read " + name + " as " + type.toCanonical() + ": " + e.getMessage(), e);
    }
  }

  private String fieldNames() {
    StringBuilder sb = new StringBuilder();
    json().fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "InvocationResponse[servedModelName=" + servedModelName().orElse("?") + ", fields=" + fieldNames() + "]";
  }
}

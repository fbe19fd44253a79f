package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A linear-regression style predictor: {@code prediction = intercept + Σ coefficient[column] × value} for
 * each row of a tabular request, answered as {@code {"predictions": [...]}}. A row missing a column with a
 * coefficient, or with a non-numeric value there, is a bad request. With no coefficients every numeric column
 * counts with coefficient 1 (the generic model of endpoints created over the API).
 */
final class LinearRegressionModel implements Function<JsonNode, JsonNode> {
  private final double intercept;
  private final Map<String, Double> coefficients;

  LinearRegressionModel(double intercept, Map<String, Double> coefficients) {
    this.intercept = intercept;
    this.coefficients = new LinkedHashMap<>(coefficients);
  }

  @Override
  public JsonNode apply(JsonNode request) {
    List<ObjectNode> rows = TabularInput.records(request, new ArrayList<>(coefficients.keySet()));
    ObjectNode reply = Json.object();
    ArrayNode predictions = reply.putArray("predictions");
    for (ObjectNode row : rows) {
      predictions.add(coefficients.isEmpty() ? intercept + sumOfNumbers(row) : predict(row));
    }
    return reply;
  }

  private double predict(ObjectNode row) {
    List<String> missing = new ArrayList<>();
    double sum = intercept;
    for (Map.Entry<String, Double> coefficient : coefficients.entrySet()) {
      JsonNode value = row.get(coefficient.getKey());
      if (value == null || value.isNull()) {
        missing.add(coefficient.getKey());
        continue;
      }
      sum += coefficient.getValue() * number(coefficient.getKey(), value);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Model is missing inputs " + missing + ". Note that there were extra"
          + " inputs: " + extras(row) + ".");
    }
    return sum;
  }

  private List<String> extras(ObjectNode row) {
    List<String> extras = new ArrayList<>();
    row.fieldNames().forEachRemaining(name -> {
      if (!coefficients.containsKey(name)) {
        extras.add(name);
      }
    });
    return extras;
  }

  private static double sumOfNumbers(ObjectNode row) {
    double sum = 0;
    Iterator<JsonNode> values = row.elements();
    while (values.hasNext()) {
      JsonNode value = values.next();
      if (value.isNumber()) {
        sum += value.asDouble();
      }
    }
    return sum;
  }

  private static double number(String column, JsonNode value) {
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.asText().trim());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException(
        "Incompatible input types for column " + column + ". Can not safely convert " + value + " to float64.");
  }
}

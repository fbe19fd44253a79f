package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of an MLflow-style scoring request, whichever form it came in: {@code dataframe_records} (a list
 * of objects), {@code dataframe_split} ({@code columns} + {@code data}), {@code instances} or {@code inputs}
 * (a list of objects, a list of lists, or an object of columns). Exactly one form is allowed.
 */
final class TabularInput {
  static final List<String> FORMS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");

  private TabularInput() {}

  /**
   * @param positionalColumns names for the values of list rows ({@code [[1.0, 2.0]]}), in order
   * @throws IllegalArgumentException for a body in none or several of the forms, or a malformed one
   */
  static List<ObjectNode> records(JsonNode body, List<String> positionalColumns) {
    String form = null;
    for (String candidate : FORMS) {
      if (body.has(candidate)) {
        if (form != null) {
          throw invalidForm();
        }
        form = candidate;
      }
    }
    if (form == null) {
      throw invalidForm();
    }
    JsonNode value = body.get(form);
    switch (form) {
      case "dataframe_split":
        return split(value);
      case "dataframe_records":
        if (!value.isArray()) {
          throw new IllegalArgumentException("Invalid input: 'dataframe_records' must be a list of records.");
        }
        return rows(value, positionalColumns);
      default:
        return value.isObject() ? columnar(value) : rows(value, positionalColumns);
    }
  }

  private static IllegalArgumentException invalidForm() {
    return new IllegalArgumentException(
        "Invalid input. The input must be a JSON dictionary with exactly one of the input fields"
            + " {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}.");
  }

  private static List<ObjectNode> split(JsonNode split) {
    JsonNode columns = split.get("columns");
    JsonNode data = split.get("data");
    if (!split.isObject() || columns == null || !columns.isArray() || data == null || !data.isArray()) {
      throw new IllegalArgumentException("Invalid input: 'dataframe_split' needs 'columns' and 'data' lists.");
    }
    List<String> names = new ArrayList<>();
    columns.forEach(column -> names.add(column.asText()));
    return rows(data, names);
  }

  private static List<ObjectNode> rows(JsonNode rows, List<String> positionalColumns) {
    if (!rows.isArray()) {
      throw new IllegalArgumentException("Invalid input: expected a list of rows.");
    }
    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode row : rows) {
      if (row.isObject()) {
        records.add((ObjectNode) row);
      } else if (row.isArray()) {
        if (row.size() != positionalColumns.size()) {
          throw new IllegalArgumentException("Invalid input: a row has " + row.size() + " values but the model"
              + " takes " + positionalColumns.size() + " columns " + positionalColumns + ".");
        }
        ObjectNode record = Json.object();
        for (int i = 0; i < row.size(); i++) {
          record.set(positionalColumns.get(i), row.get(i));
        }
        records.add(record);
      } else {
        throw new IllegalArgumentException("Invalid input: each row must be an object or a list.");
      }
    }
    return records;
  }

  /** {@code {"a": [1, 2], "b": [3, 4]}} → two records. */
  private static List<ObjectNode> columnar(JsonNode columns) {
    List<ObjectNode> records = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = columns.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> column = fields.next();
      if (!column.getValue().isArray()) {
        throw new IllegalArgumentException("Invalid input: column '" + column.getKey() + "' must be a list.");
      }
      for (int i = 0; i < column.getValue().size(); i++) {
        while (records.size() <= i) {
          records.add(Json.object());
        }
        records.get(i).set(column.getKey(), column.getValue().get(i));
      }
    }
    return records;
  }
}

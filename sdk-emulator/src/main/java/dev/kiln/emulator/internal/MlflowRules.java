package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** MLflow's server-side validation of names, keys, values and timestamps, with its error codes and messages. */
final class MlflowRules {
  static final int MAX_KEY_LENGTH = 250;
  static final int MAX_PARAM_VALUE_LENGTH = 6000;
  static final int MAX_TAG_VALUE_LENGTH = 5000;
  static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
  static final int MAX_METRICS_PER_BATCH = 1000;
  static final int MAX_PARAMS_TAGS_PER_BATCH = 100;
  static final int MAX_ENTITIES_PER_BATCH = 1000;
  static final int MAX_BATCH_REQUEST_BYTES = 1_000_000;

  private static final Pattern KEY = Pattern.compile("[/\\w.\\- ]*", Pattern.UNICODE_CHARACTER_CLASS);

  private MlflowRules() {}

  /** A required string field of a JSON body or query; absent or empty is INVALID_PARAMETER_VALUE. */
  static String required(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw ApiException.invalidParameter("Missing value for required parameter '" + name + "'.");
    }
    return value;
  }

  static String required(JsonNode body, String name) {
    JsonNode node = body.get(name);
    return required(node == null || node.isNull() ? null : node.asText(), name);
  }

  static String optional(JsonNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? null : node.asText();
  }

  /** A metric, param or tag key: letters, digits, {@code _ - . / space}, not changed by path normalisation. */
  static String key(String key, String what) {
    if (key == null) {
      throw ApiException.invalidParameter(what + " name cannot be None. A key name must be provided.");
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiException.invalidParameter("Invalid " + what.toLowerCase() + " name: '" + key + "'. Names may only contain"
          + " alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).");
    }
    if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("//") || hasDotSegment(key)) {
      throw ApiException.invalidParameter("Invalid " + what.toLowerCase() + " name: '" + key + "'. Names may be treated"
          + " as files in certain cases, and must not resolve to other names when treated as such.");
    }
    return maxLength(key, what + " key", MAX_KEY_LENGTH);
  }

  static String maxLength(String value, String what, int limit) {
    if (value != null && value.length() > limit) {
      throw ApiException.invalidParameter(what + " '" + value.substring(0, Math.min(250, value.length())) + "' had length "
          + value.length() + ", which exceeded length limit of " + limit);
    }
    return value;
  }

  /** A metric value: a JSON number, or protobuf's strings for the non-finite ones. */
  static double metricValue(JsonNode node, String key) {
    if (node != null && node.isNumber()) {
      return node.asDouble();
    }
    if (node != null && node.isTextual()) {
      switch (node.asText()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw ApiException.invalidParameter("Got invalid value " + node + " for metric '" + key
        + "'. Please specify value as a valid double (64-bit floating point)");
  }

  /** A required non-negative timestamp in milliseconds. */
  static long timestamp(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      throw ApiException.invalidParameter("Missing value for required parameter '" + what + "'.");
    }
    if (!node.canConvertToLong() || node.asLong() < 0) {
      throw ApiException.invalidParameter("Got invalid " + what + " " + node + ". Timestamp must be a nonnegative long (64-bit integer)");
    }
    return node.asLong();
  }

  static long optionalLong(JsonNode node, String what, long orElse) {
    if (node == null || node.isNull()) {
      return orElse;
    }
    if (!node.canConvertToLong()) {
      throw ApiException.invalidParameter("Got invalid " + what + " " + node + ". It must be a long (64-bit integer)");
    }
    return node.asLong();
  }

  /** {@code max_results}: 1 to {@code limit}, or {@code orElse} when absent. */
  static int maxResults(String text, int limit, int orElse) {
    if (text == null || text.isEmpty()) {
      return orElse;
    }
    try {
      int n = Integer.parseInt(text);
      if (n < 1 || n > limit) {
        throw ApiException.invalidParameter("Invalid value " + n + " for parameter 'max_results' supplied. It must be"
            + " at most " + limit + " and at least 1.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("Invalid value '" + text + "' for parameter 'max_results'.");
    }
  }

  static ApiException alreadyExists(String message) {
    // MLflow answers RESOURCE_ALREADY_EXISTS with 400, not 409.
    return new ApiException(400, "RESOURCE_ALREADY_EXISTS", message);
  }

  private static boolean hasDotSegment(String key) {
    for (String segment : key.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}

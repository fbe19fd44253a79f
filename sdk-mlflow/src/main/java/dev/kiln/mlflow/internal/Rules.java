package dev.kiln.mlflow.internal;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.Param;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.RunStatus;
import dev.kiln.mlflow.model.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MLflow's own rules for names and values, checked before anything is sent so that bad input fails
 * with {@link InvalidRequestException} instead of a round trip: metric, param and tag keys are at
 * most 250 characters of letters, digits, {@code _ - . / space}, and do not change when treated as a
 * path; experiment names at most 500 characters; timestamps not negative; model versions whole
 * numbers. NaN and ±Infinity metric values are allowed, as MLflow allows them.
 */
public final class Rules {
  public static final int MAX_KEY_LENGTH = 250;
  public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
  public static final int MAX_PARAM_VALUE_LENGTH = 6000;
  public static final int MAX_TAG_VALUE_LENGTH = 5000;

  // Python's \w is Unicode-aware; so is this one.
  private static final Pattern KEY = Pattern.compile("[/\\w.\\- ]*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private Rules() {}

  public static String experimentId(String value) {
    return Args.id(value, "experimentId");
  }

  public static String runId(String value) {
    return Args.id(value, "runId");
  }

  public static String experimentName(String value, String name) {
    Args.notBlank(value, name);
    return Args.maxLength(value, name, MAX_EXPERIMENT_NAME_LENGTH);
  }

  public static String modelName(String value, String name) {
    return Args.id(value, name);
  }

  /** A model version: a whole number from 1, as a string. */
  public static String version(String value) {
    Args.notBlank(value, "version");
    if (!VERSION.matcher(value).matches()) {
      throw new InvalidRequestException("version must be a whole number from 1, was '" + value + "'");
    }
    return value;
  }

  /** A metric, param or tag key. Keys are names, not secrets, so the message quotes them. */
  public static String key(String value, String what) {
    Args.notBlank(value, what);
    Args.maxLength(value, what, MAX_KEY_LENGTH);
    if (!KEY.matcher(value).matches()) {
      throw new InvalidRequestException(what + " '" + value
          + "' may only contain letters, digits, underscores, dashes, periods, spaces and slashes");
    }
    if (changesAsPath(value)) {
      throw new InvalidRequestException(what + " '" + value
          + "' must not start or end with '/', hold '//' or be or contain a '.' or '..' segment");
    }
    return value;
  }

  public static long timestamp(long millis, String what) {
    if (millis < 0) {
      throw new InvalidRequestException(what + " must not be negative, was " + millis);
    }
    return millis;
  }

  public static Metric metric(Metric metric) {
    Args.notNull(metric, "metric");
    key(metric.key(), "metric key");
    timestamp(metric.timestamp(), "timestamp of metric " + metric.key());
    return metric;
  }

  public static Param param(Param param) {
    Args.notNull(param, "param");
    key(param.key(), "param key");
    Args.maxLength(param.value(), "value of param " + param.key(), MAX_PARAM_VALUE_LENGTH);
    return param;
  }

  public static Tag tag(Tag tag) {
    Args.notNull(tag, "tag");
    key(tag.key(), "tag key");
    Args.maxLength(tag.value(), "value of tag " + tag.key(), MAX_TAG_VALUE_LENGTH);
    return tag;
  }

  /** Every item valid, and no param key twice (MLflow refuses a request repeating one). */
  public static RunBatch batch(RunBatch batch) {
    Args.notNull(batch, "batch");
    Map<String, String> params = new HashMap<>();
    for (Param p : batch.params()) {
      param(p);
      if (params.put(p.key(), p.value()) != null) {
        throw new InvalidRequestException("param key '" + p.key() + "' appears twice in the batch; a param is logged once");
      }
    }
    batch.metrics().forEach(Rules::metric);
    batch.tags().forEach(Rules::tag);
    return batch;
  }

  public static RunStatus status(RunStatus status) {
    Args.notNull(status, "status");
    if (status == RunStatus.UNKNOWN) {
      throw new InvalidRequestException("status UNKNOWN cannot be sent; use RUNNING, SCHEDULED, FINISHED, FAILED or KILLED");
    }
    return status;
  }

  public static ModelStage stage(ModelStage stage) {
    Args.notNull(stage, "stage");
    if (stage == ModelStage.UNKNOWN) {
      throw new InvalidRequestException("stage UNKNOWN cannot be sent; use NONE, STAGING, PRODUCTION or ARCHIVED");
    }
    return stage;
  }

  /** Python's {@code posixpath.normpath(name) != name}, or a name that is "." or starts at / or "..". */
  private static boolean changesAsPath(String name) {
    if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      return true;
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}

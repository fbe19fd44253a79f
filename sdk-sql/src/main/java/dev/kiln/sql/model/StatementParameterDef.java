package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One named parameter marker ({@code :name}) of a statement, sent as {@code {name, value, type}}.
 * Values travel as text; an absent value is SQL NULL. Build with the typed {@code of(...)}
 * factories, which pick the SQL type, or {@link #of(String, String, String)} for any other type.
 */
@Value.Immutable
@JsonSerialize(as = StatementParameter.class)
@JsonDeserialize(as = StatementParameter.class)
abstract class StatementParameterDef {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_DECIMAL_PRECISION = 38;

  /**
   * The marker's name without the colon: letters, digits and {@code _}, not starting with a digit.
   */
  @JsonProperty("name")
  public abstract String name();

  /** The value as text; empty for NULL. Hidden from {@code toString()}, it may be sensitive. */
  @JsonProperty("value")
  @Value.Redacted
  public abstract Optional<String> value();

  /** The SQL type, e.g. {@code BIGINT} or {@code DECIMAL(10,2)}; the server assumes STRING when absent. */
  @JsonProperty("type")
  public abstract Optional<String> type();

  /**
   * Rejects an invalid marker name or a blank type; run by every factory and {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException naming the problem
   */
  @Value.Check
  protected void check() {
    if (!NAME.matcher(name()).matches()) {
      throw new InvalidRequestException("parameter name '" + name()
          + "' is not a valid marker name: use letters, digits and '_' (not starting with a digit), without the ':'");
    }
    if (type().isPresent() && type().get().isBlank()) {
      throw new InvalidRequestException("parameter '" + name() + "' has a blank type: leave the type out or name a SQL type");
    }
  }

  /** A STRING parameter; null means NULL. */
  public static StatementParameter of(String name, String value) {
    return build(name, value, "STRING");
  }

  /** An INT parameter. */
  public static StatementParameter of(String name, int value) {
    return build(name, Integer.toString(value), "INT");
  }

  /** A BIGINT parameter. */
  public static StatementParameter of(String name, long value) {
    return build(name, Long.toString(value), "BIGINT");
  }

  /** A DOUBLE parameter. */
  public static StatementParameter of(String name, double value) {
    return build(name, Double.toString(value), "DOUBLE");
  }

  /** A BOOLEAN parameter. */
  public static StatementParameter of(String name, boolean value) {
    return build(name, Boolean.toString(value), "BOOLEAN");
  }

  /** A {@code DECIMAL(p,s)} parameter sized to the value; null means NULL (typed DECIMAL). */
  public static StatementParameter of(String name, BigDecimal value) {
    if (value == null) {
      return build(name, null, "DECIMAL");
    }
    BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
    int precision = Math.max(v.precision(), v.scale());
    if (precision > MAX_DECIMAL_PRECISION) {
      throw new InvalidRequestException("parameter '" + name + "' needs DECIMAL precision " + precision
          + " but SQL allows at most 38 digits: round the value or pass it as a STRING");
    }
    return build(name, v.toPlainString(), "DECIMAL(" + precision + "," + v.scale() + ")");
  }

  /** A DATE parameter ({@code yyyy-MM-dd}); null means NULL. */
  public static StatementParameter of(String name, LocalDate value) {
    return build(name, value == null ? null : value.toString(), "DATE");
  }

  /** A TIMESTAMP parameter in UTC ISO-8601 ({@code 2026-01-31T10:15:30Z}); null means NULL. */
  public static StatementParameter of(String name, Instant value) {
    return build(name, value == null ? null : value.toString(), "TIMESTAMP");
  }

  /** A parameter of an explicit SQL type, value given as the text SQL would cast; null means NULL. */
  public static StatementParameter of(String name, String value, String sqlType) {
    return build(name, value, sqlType);
  }

  /** NULL with no type (the server treats it as STRING). */
  public static StatementParameter ofNull(String name) {
    return build(name, null, null);
  }

  /** NULL of the given SQL type, e.g. {@code ofNull("d", "DATE")}. */
  public static StatementParameter ofNull(String name, String sqlType) {
    return build(name, null, sqlType);
  }

  private static StatementParameter build(String name, String value, String type) {
    if (name == null) {
      throw new InvalidRequestException("a parameter name must not be null");
    }
    return StatementParameter.builder().name(name).value(Optional.ofNullable(value)).type(Optional.ofNullable(type)).build();
  }
}

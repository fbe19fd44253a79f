package dev.kiln.emulator.internal;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Why a statement FAILED, in Databricks terms: the service error code ({@code BAD_REQUEST} for errors in the
 * SQL itself), an error class and SQLSTATE, and a message shaped like Databricks' {@code [CLASS] text
 * SQLSTATE: xxxxx}.
 */
final class SqlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String errorClass;
  private final String sqlState;

  SqlFailure(String errorClass, String sqlState, String detail) {
    this("BAD_REQUEST", errorClass, sqlState, detail);
  }

  private SqlFailure(String errorCode, String errorClass, String sqlState, String detail) {
    super("[" + errorClass + "] " + detail + " SQLSTATE: " + sqlState, null, false, false);
    this.errorCode = errorCode;
    this.errorClass = errorClass;
    this.sqlState = sqlState;
  }

  /** Maps a DuckDB error ({@code "Catalog Error: Table with name x does not exist!"}) to Databricks' terms. */
  static SqlFailure from(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().trim();
    String detail = firstParagraph(message);
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("catalog \"") && lower.contains("does not exist")) {
      return new SqlFailure("CATALOG_NOT_FOUND", "42704", detail);
    }
    if (lower.contains("schema with name") || lower.contains("schema named")) {
      return new SqlFailure("SCHEMA_NOT_FOUND", "42704", detail);
    }
    if (lower.startsWith("parser error")) {
      return new SqlFailure("PARSE_SYNTAX_ERROR", "42601", detail);
    }
    if (lower.startsWith("catalog error")) {
      if (lower.contains("table with name") || lower.contains("view with name")) {
        return lower.contains("already exists")
            ? new SqlFailure("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07", detail)
            : new SqlFailure("TABLE_OR_VIEW_NOT_FOUND", "42P01", detail);
      }
      if (lower.contains("function with name")) {
        return new SqlFailure("UNRESOLVED_ROUTINE", "42883", detail);
      }
      if (lower.contains("already exists")) {
        return new SqlFailure("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07", detail);
      }
      return new SqlFailure("TABLE_OR_VIEW_NOT_FOUND", "42P01", detail);
    }
    if (lower.startsWith("binder error")) {
      if (lower.contains("referenced column")) {
        return new SqlFailure("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703", detail);
      }
      if (lower.contains("no function matches")) {
        return new SqlFailure("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09", detail);
      }
      return new SqlFailure("INVALID_SQL_SYNTAX", "42000", detail);
    }
    if (lower.startsWith("conversion error")) {
      return new SqlFailure("CAST_INVALID_INPUT", "22018", detail);
    }
    if (lower.startsWith("out of range error")) {
      return new SqlFailure("ARITHMETIC_OVERFLOW", "22003", detail);
    }
    if (lower.startsWith("constraint error")) {
      return new SqlFailure("CONSTRAINT_VIOLATION", "23000", detail);
    }
    if (lower.startsWith("invalid input error")) {
      return new SqlFailure("INVALID_PARAMETER_VALUE", "22023", detail);
    }
    if (lower.startsWith("not implemented error")) {
      return new SqlFailure("UNSUPPORTED_FEATURE", "0A000", detail);
    }
    return new SqlFailure("INTERNAL_ERROR", "INTERNAL_ERROR", "XX000", detail);
  }

  /** The emulator itself broke; reported like a Databricks internal error. */
  static SqlFailure internal(Throwable cause) {
    return new SqlFailure("INTERNAL_ERROR", "INTERNAL_ERROR", "XX000", "The emulator failed: " + cause);
  }

  /** The result is bigger than the disposition allows. */
  static SqlFailure inlineLimitExceeded(long bytes, long limit) {
    return new SqlFailure(
        "BAD_REQUEST",
        "INLINE_RESULT_TOO_LARGE",
        "54000",
        "The result is " + bytes + " bytes, more than the " + limit
            + " bytes allowed with disposition INLINE. Use disposition EXTERNAL_LINKS.");
  }

  private static String firstParagraph(String message) {
    int blank = message.indexOf("\n\n");
    return (blank < 0 ? message : message.substring(0, blank)).replace('\n', ' ').trim();
  }

  String errorCode() {
    return errorCode;
  }

  String errorClass() {
    return errorClass;
  }

  String sqlState() {
    return sqlState;
  }
}

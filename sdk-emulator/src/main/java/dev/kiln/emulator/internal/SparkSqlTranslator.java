package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the Spark SQL that Databricks accepts into SQL that DuckDB runs, without parsing it: named
 * {@code :param} markers become typed {@code ?} placeholders, {@code `quoted`} identifiers become {@code
 * "quoted"}, and Spark's {@code range(n)} table function (one BIGINT column {@code id}) becomes a subquery
 * over DuckDB's {@code range} (whose column is called {@code range}). String literals, quoted identifiers,
 * comments and {@code ::} casts are left alone.
 */
final class SparkSqlTranslator {
  /** The DuckDB text and the parameters to bind, in placeholder order. */
  static final class Translated {
    final String sql;
    final List<SqlParameter> bindings;

    Translated(String sql, List<SqlParameter> bindings) {
      this.sql = sql;
      this.bindings = bindings;
    }
  }

  private final String sql;
  private final Map<String, SqlParameter> parameters;
  private final List<SqlParameter> bindings = new ArrayList<>();

  private SparkSqlTranslator(String sql, Map<String, SqlParameter> parameters) {
    this.sql = sql;
    this.parameters = parameters;
  }

  /**
   * @throws SqlFailure {@code UNBOUND_SQL_PARAMETER} when a marker has no parameter
   */
  static Translated translate(String sql, Map<String, SqlParameter> parameters) {
    SparkSqlTranslator translator = new SparkSqlTranslator(sql, parameters);
    String text = translator.rewrite(0, sql.length());
    return new Translated(text, translator.bindings);
  }

  private String rewrite(int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 16);
    char previous = 0; // last significant character written, to spot qualified names like x.range(
    int i = from;
    while (i < to) {
      char c = sql.charAt(i);
      char next = i + 1 < to ? sql.charAt(i + 1) : 0;
      if (c == '\'' || c == '"') {
        int end = skipQuoted(i, to, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '`') {
        int end = skipQuoted(i, to, '`');
        String identifier = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("``", "`");
        out.append('"').append(identifier.replace("\"", "\"\"")).append('"');
        i = end;
      } else if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 || end > to ? to : end;
        out.append(sql, i, end);
        i = end;
        continue;
      } else if (c == '/' && next == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 || end + 2 > to ? to : end + 2;
        out.append(sql, i, end);
        i = end;
        continue;
      } else if (c == ':' && next == ':') {
        out.append("::");
        i += 2;
      } else if (c == ':' && isIdentifierStart(next)) {
        int end = identifierEnd(i + 1, to);
        out.append(placeholder(sql.substring(i + 1, end)));
        i = end;
      } else if (isIdentifierStart(c)) {
        int end = identifierEnd(i, to);
        String word = sql.substring(i, end);
        int open = skipSpace(end, to);
        if (word.equalsIgnoreCase("range") && previous != '.' && open < to && sql.charAt(open) == '(') {
          int close = matchingParen(open, to);
          out.append(sparkRange(open + 1, close));
          i = close + 1;
        } else {
          out.append(word);
          i = end;
        }
      } else {
        out.append(c);
        i++;
        if (Character.isWhitespace(c)) {
          continue;
        }
      }
      previous = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
    }
    return out.toString();
  }

  private String placeholder(String name) {
    SqlParameter parameter = parameters.get(name);
    if (parameter == null) {
      throw new SqlFailure(
          "UNBOUND_SQL_PARAMETER",
          "42P02",
          "Found the unbound parameter: " + name + ". Please, fix `args` and provide a mapping of the parameter"
              + " to either a SQL literal or collection constructor functions.");
    }
    bindings.add(parameter);
    return "CAST(? AS " + parameter.duckType() + ")";
  }

  /** {@code range(end)}, {@code range(start, end[, step[, numPartitions]])} with Spark's column name. */
  private String sparkRange(int argsFrom, int argsTo) {
    List<String> arguments = new ArrayList<>();
    int start = argsFrom;
    int depth = 0;
    for (int i = argsFrom; i < argsTo; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(i, argsTo, c) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        arguments.add(rewrite(start, i).trim());
        start = i + 1;
      }
    }
    arguments.add(rewrite(start, argsTo).trim());
    List<String> kept = arguments.subList(0, Math.min(3, arguments.size())); // numPartitions means nothing here
    return "(SELECT range AS id FROM range(" + String.join(", ", kept) + "))";
  }

  private int matchingParen(int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(i, to, c) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return to - 1 >= open ? to - 1 : open; // unbalanced: let DuckDB report the syntax error
  }

  /** The index after the closing quote; a doubled quote is an escaped one. */
  private int skipQuoted(int open, int to, char quote) {
    int i = open + 1;
    while (i < to) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < to && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return to;
  }

  private int identifierEnd(int from, int to) {
    int i = from;
    while (i < to && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  private int skipSpace(int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }
}

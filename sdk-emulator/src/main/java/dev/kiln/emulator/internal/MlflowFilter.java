package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of MLflow's search grammar the emulator understands: comparisons joined by {@code AND}, each
 * {@code <field> <op> <value>} with {@code =, !=, <, <=, >, >=, LIKE, ILIKE}, a quoted string or a number as the
 * value, and fields such as {@code name}, {@code tags.team}, {@code metrics.rmse}, {@code params.alpha},
 * {@code attributes.status} (backquotes around a key with spaces); and {@code order_by} clauses
 * {@code <field> [ASC|DESC]}. Anything else is INVALID_PARAMETER_VALUE, as MLflow answers.
 */
final class MlflowFilter {
  private static final Pattern CLAUSE = Pattern.compile(
      "\\s*([A-Za-z_][\\w]*(?:\\.(?:`[^`]+`|\"[^\"]+\"|[\\w./-]+))?)\\s*(<=|>=|!=|=|<|>|(?i:ILIKE)|(?i:LIKE))\\s*"
          + "('(?:[^']*)'|\"(?:[^\"]*)\"|-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*");
  private static final Pattern AND = Pattern.compile("\\s+(?i:AND)\\s+");
  private static final Pattern ORDER = Pattern.compile("\\s*([A-Za-z_][\\w]*(?:\\.(?:`[^`]+`|[\\w./-]+))?)(?:\\s+(?i:(ASC|DESC)))?\\s*");

  private MlflowFilter() {}

  /**
   * A predicate over entities; {@code field} reads an entity's value of a field ({@code String} or {@code Double},
   * empty when it has none, which fails every comparison) and throws INVALID_PARAMETER_VALUE for a field it does
   * not know.
   */
  static <T> Predicate<T> parse(String filter, BiFunction<T, String, Optional<Object>> field) {
    if (filter == null || filter.isBlank()) {
      return t -> true;
    }
    List<Predicate<T>> clauses = new ArrayList<>();
    for (String text : AND.split(filter.trim())) {
      Matcher m = CLAUSE.matcher(text);
      if (!m.matches()) {
        throw ApiException.invalidParameter("Invalid filter '" + filter + "': cannot parse '" + text.trim() + "'.");
      }
      String name = unquoteKey(m.group(1));
      String op = m.group(2).toUpperCase(Locale.ROOT);
      String raw = m.group(3);
      boolean quoted = raw.startsWith("'") || raw.startsWith("\"");
      Object value = quoted ? raw.substring(1, raw.length() - 1) : Double.valueOf(raw);
      if ((op.equals("LIKE") || op.equals("ILIKE")) && !quoted) {
        throw ApiException.invalidParameter("Invalid filter '" + filter + "': " + op + " needs a quoted string.");
      }
      clauses.add(entity -> field.apply(entity, name).map(actual -> compare(actual, op, value)).orElse(false));
    }
    return entity -> clauses.stream().allMatch(c -> c.test(entity));
  }

  /** A comparator for {@code order_by} clauses, then {@code fallback}; entities without a value sort last. */
  static <T> Comparator<T> order(List<String> clauses, BiFunction<T, String, Optional<Object>> field, Comparator<T> fallback) {
    Comparator<T> result = null;
    for (String clause : clauses) {
      Matcher m = ORDER.matcher(clause);
      if (!m.matches()) {
        throw ApiException.invalidParameter("Invalid order_by clause '" + clause + "'.");
      }
      String name = unquoteKey(m.group(1));
      boolean descending = "DESC".equalsIgnoreCase(m.group(2));
      Comparator<T> one = (a, b) -> {
        Optional<Object> x = field.apply(a, name);
        Optional<Object> y = field.apply(b, name);
        if (x.isEmpty() || y.isEmpty()) {
          return Boolean.compare(x.isEmpty(), y.isEmpty());
        }
        int c = compareValues(x.get(), y.get());
        return descending ? -c : c;
      };
      result = result == null ? one : result.thenComparing(one);
    }
    return result == null ? fallback : result.thenComparing(fallback);
  }

  private static String unquoteKey(String field) {
    int dot = field.indexOf('.');
    if (dot < 0) {
      return field;
    }
    String key = field.substring(dot + 1);
    if ((key.startsWith("`") && key.endsWith("`")) || (key.startsWith("\"") && key.endsWith("\""))) {
      key = key.substring(1, key.length() - 1);
    }
    String prefix = field.substring(0, dot).toLowerCase(Locale.ROOT);
    if (prefix.equals("attribute") || prefix.equals("attributes") || prefix.equals("attr") || prefix.equals("run")) {
      return key;
    }
    if (prefix.equals("tag") || prefix.equals("metric") || prefix.equals("param") || prefix.equals("parameter")
        || prefix.equals("parameters")) {
      prefix = prefix.startsWith("param") ? "params" : prefix + "s";
    }
    return prefix + "." + key;
  }

  private static boolean compare(Object actual, String op, Object expected) {
    if (op.equals("LIKE") || op.equals("ILIKE")) {
      String text = String.valueOf(actual);
      String pattern = (String) expected;
      return like(op.equals("ILIKE") ? text.toLowerCase(Locale.ROOT) : text,
          op.equals("ILIKE") ? pattern.toLowerCase(Locale.ROOT) : pattern);
    }
    int c;
    if (actual instanceof Double && expected instanceof Double) {
      c = Double.compare((Double) actual, (Double) expected);
    } else if (actual instanceof Double || expected instanceof Double) {
      throw ApiException.invalidParameter("Invalid filter: cannot compare " + actual + " with " + expected + ".");
    } else {
      c = ((String) actual).compareTo((String) expected);
    }
    switch (op) {
      case "=": return c == 0;
      case "!=": return c != 0;
      case "<": return c < 0;
      case "<=": return c <= 0;
      case ">": return c > 0;
      default: return c >= 0;
    }
  }

  private static int compareValues(Object a, Object b) {
    if (a instanceof Double && b instanceof Double) {
      return Double.compare((Double) a, (Double) b);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  /** SQL LIKE: {@code %} any run, {@code _} one character. */
  private static boolean like(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      if (ch == '%') {
        regex.append(".*");
      } else if (ch == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }
}

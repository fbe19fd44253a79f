package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL-like filter string of storage-optimized endpoints, e.g. {@code price < 200 AND make IN ('a', 'b')}:
 * comparisons ({@code = != <> < <= > >=}), {@code [NOT] IN (...)}, {@code [NOT] LIKE 'pattern'},
 * {@code IS [NOT] NULL}, joined by {@code AND} / {@code OR} (AND binds tighter) with parentheses. Literals are
 * {@code 'text'} (with {@code ''} for a quote), numbers and {@code TRUE}/{@code FALSE}. Comparison semantics
 * are {@link VectorFilter}'s.
 */
final class VectorSqlFilter {
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:('(?:[^']|'')*')|(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)|(<=|>=|<>|!=|=|<|>|\\(|\\)|,)"
          + "|([A-Za-z_][A-Za-z0-9_.]*)|(\\S))");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<String> tokens = new ArrayList<>();
  private final List<Boolean> quoted = new ArrayList<>();
  private final Collection<String> knownColumns;
  private final String text;
  private int position;

  private VectorSqlFilter(String text, Collection<String> knownColumns) {
    this.text = text;
    this.knownColumns = knownColumns;
    Matcher m = TOKEN.matcher(text);
    int end = 0;
    while (end < text.length() && m.find(end) && m.start() == end) {
      if (m.group(5) != null) {
        throw invalid("unexpected '" + m.group(5) + "'");
      }
      String token = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
          : m.group(3) != null ? m.group(3) : m.group(4);
      tokens.add(token);
      quoted.add(m.group(1) != null);
      end = m.end();
      if (text.substring(end).isBlank()) {
        break;
      }
    }
  }

  /** @param knownColumns the columns filters may name; null when any column is allowed */
  static Predicate<ObjectNode> parse(String text, Collection<String> knownColumns) {
    if (text == null || text.isBlank()) {
      return row -> true;
    }
    VectorSqlFilter parser = new VectorSqlFilter(text, knownColumns);
    Predicate<ObjectNode> filter = parser.or();
    if (parser.position < parser.tokens.size()) {
      throw parser.invalid("unexpected '" + parser.tokens.get(parser.position) + "'");
    }
    return filter;
  }

  private Predicate<ObjectNode> or() {
    Predicate<ObjectNode> left = and();
    while (keyword("OR")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<ObjectNode> and() {
    Predicate<ObjectNode> left = condition();
    while (keyword("AND")) {
      left = left.and(condition());
    }
    return left;
  }

  private Predicate<ObjectNode> condition() {
    if (symbol("(")) {
      Predicate<ObjectNode> inner = or();
      expect(")");
      return inner;
    }
    String column = column();
    if (keyword("IS")) {
      boolean not = keyword("NOT");
      if (!keyword("NULL")) {
        throw invalid("expected NULL after IS");
      }
      return row -> present(row.get(column)) == not;
    }
    boolean not = keyword("NOT");
    if (keyword("IN")) {
      expect("(");
      List<JsonNode> options = new ArrayList<>();
      do {
        options.add(literal());
      } while (symbol(","));
      expect(")");
      Predicate<ObjectNode> in = row -> present(row.get(column))
          && options.stream().anyMatch(o -> VectorFilter.compare(row.get(column), o) == 0);
      return not ? in.negate() : in;
    }
    if (keyword("LIKE")) {
      Pattern pattern = VectorFilter.likePattern(literal().asText());
      Predicate<ObjectNode> like = row -> present(row.get(column)) && pattern.matcher(row.get(column).asText()).matches();
      return not ? like.negate() : like;
    }
    if (not) {
      throw invalid("expected IN or LIKE after NOT");
    }
    String operator = next("an operator");
    JsonNode value = literal();
    switch (operator) {
      case "=":
        return row -> present(row.get(column)) && VectorFilter.compare(row.get(column), value) == 0;
      case "!=":
      case "<>":
        return row -> !present(row.get(column)) || VectorFilter.compare(row.get(column), value) != 0;
      case "<":
        return row -> present(row.get(column)) && VectorFilter.compare(row.get(column), value) < 0;
      case "<=":
        return row -> present(row.get(column)) && VectorFilter.compare(row.get(column), value) <= 0;
      case ">":
        return row -> present(row.get(column)) && VectorFilter.compare(row.get(column), value) > 0;
      case ">=":
        return row -> present(row.get(column)) && VectorFilter.compare(row.get(column), value) >= 0;
      default:
        throw invalid("unknown operator '" + operator + "'");
    }
  }

  private String column() {
    String name = next("a column name");
    if (quoted.get(position - 1) || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
      throw invalid("expected a column name, got '" + name + "'");
    }
    if (knownColumns != null && !knownColumns.contains(name)) {
      throw ApiException.invalidParameter("Filter column '" + name + "' is not a column of the index.");
    }
    return name;
  }

  private JsonNode literal() {
    String token = next("a value");
    if (quoted.get(position - 1)) {
      return NODES.textNode(token.substring(1, token.length() - 1).replace("''", "'"));
    }
    String upper = token.toUpperCase(Locale.ROOT);
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return NODES.booleanNode(upper.equals("TRUE"));
    }
    try {
      return NODES.numberNode(new BigDecimal(token));
    } catch (NumberFormatException e) {
      throw invalid("expected a value ('text', a number, TRUE or FALSE), got '" + token + "'");
    }
  }

  private boolean keyword(String word) {
    if (position < tokens.size() && !quoted.get(position) && tokens.get(position).equalsIgnoreCase(word)) {
      position++;
      return true;
    }
    return false;
  }

  private boolean symbol(String symbol) {
    if (position < tokens.size() && !quoted.get(position) && tokens.get(position).equals(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    if (!symbol(symbol)) {
      throw invalid("expected '" + symbol + "'");
    }
  }

  private String next(String what) {
    if (position >= tokens.size()) {
      throw invalid("expected " + what + " at the end");
    }
    return tokens.get(position++);
  }

  private static boolean present(JsonNode value) {
    return value != null && !value.isNull();
  }

  private ApiException invalid(String why) {
    return ApiException.invalidParameter("Invalid filter string \"" + text + "\": " + why + ".");
  }
}

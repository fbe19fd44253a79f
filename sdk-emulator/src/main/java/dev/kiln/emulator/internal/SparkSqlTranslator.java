package dev.kiln.emulator.internal;

import dev.kiln.emulator.internal.SqlTokens.Group;
import dev.kiln.emulator.internal.SqlTokens.Kind;
import dev.kiln.emulator.internal.SqlTokens.Node;
import dev.kiln.emulator.internal.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the Spark SQL that Databricks accepts into SQL that DuckDB runs, on the {@link SqlTokens} tree:
 *
 * <ul>
 *   <li>named {@code :param} markers become typed {@code ?} placeholders; {@code `quoted`} identifiers become
 *       {@code "quoted"}; string literals in single or double quotes (Spark's) become DuckDB literals;
 *   <li>Databricks' namespace maps onto DuckDB's: catalog {@code main} is DuckDB's default database
 *       ({@code memory}) and schema {@code default} is DuckDB's {@code main} schema, in every catalog;
 *   <li>Spark functions become their DuckDB equivalents ({@code date_format} with Java patterns,
 *       {@code named_struct}, {@code struct}, {@code array}, {@code map}, {@code explode}, {@code collect_list},
 *       {@code collect_set}, {@code to_date}, {@code to_timestamp}, {@code date_trunc}, {@code range},
 *       {@code current_catalog}, {@code current_schema}, {@code nvl}, {@code get_json_object}...);
 *   <li>{@code TIMESTAMP_NTZ} (type and literal), numeric literal suffixes ({@code 10L}, {@code 1.5D},
 *       {@code 2BD}...), {@code col:field.sub[0]} JSON paths, and a bare {@code NULL} select item (typed VOID);
 *   <li>what the emulator cannot run fails with Databricks' error class ({@link #UNSUPPORTED}).
 * </ul>
 */
final class SparkSqlTranslator {
  /** The DuckDB text and the parameters to bind, in placeholder order. */
  static final class Translated {
    final String sql;
    final List<SqlParameter> bindings;
    /** DuckDB statements to run after {@link #sql} (column and table comments of a CREATE TABLE). */
    final List<String> followUps;

    Translated(String sql, List<SqlParameter> bindings, List<String> followUps) {
      this.sql = sql;
      this.bindings = bindings;
      this.followUps = followUps;
    }
  }

  /**
   * Spark SQL the emulator does not run, by leading words or function name, with why. Each fails with
   * {@code UNSUPPORTED_FEATURE} (SQLSTATE 0A000), as Databricks reports a feature it does not offer.
   */
  static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("LATERAL VIEW", "LATERAL VIEW (use explode() in the select list)"),
          Map.entry("OPTIMIZE", "OPTIMIZE (Delta maintenance)"),
          Map.entry("VACUUM", "VACUUM (Delta maintenance)"),
          Map.entry("ZORDER", "ZORDER BY (Delta maintenance)"),
          Map.entry("VERSION AS OF", "Delta time travel (VERSION AS OF)"),
          Map.entry("TIMESTAMP AS OF", "Delta time travel (TIMESTAMP AS OF)"),
          Map.entry("CACHE", "CACHE TABLE"),
          Map.entry("UNCACHE", "UNCACHE TABLE"),
          Map.entry("REFRESH", "REFRESH TABLE"),
          Map.entry("MSCK", "MSCK REPAIR TABLE"),
          Map.entry("GRANT", "GRANT in SQL (use the Unity Catalog permissions API)"),
          Map.entry("REVOKE", "REVOKE in SQL (use the Unity Catalog permissions API)"),
          Map.entry("TBLPROPERTIES", "TBLPROPERTIES outside CREATE TABLE"),
          Map.entry("from_json", "the function from_json (schema strings are not parsed)"),
          Map.entry("to_json", "the function to_json"),
          Map.entry("schema_of_json", "the function schema_of_json"),
          Map.entry("posexplode", "the function posexplode"),
          Map.entry("inline", "the function inline"),
          Map.entry("stack", "the function stack"),
          Map.entry("window", "the function window (time windows)"),
          Map.entry("ai_query", "the function ai_query"),
          Map.entry("read_files", "the function read_files"));

  /** Words after which {@code :name} is a parameter marker, never a JSON path. */
  private static final Set<String> KEYWORDS =
      Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "LIMIT", "OFFSET", "THEN", "ELSE", "WHEN", "CASE", "ON",
          "BY", "AS", "IN", "IS", "LIKE", "ILIKE", "BETWEEN", "VALUES", "SET", "HAVING", "DISTINCT", "ALL", "ANY",
          "EXISTS", "RETURN", "INTERVAL", "END", "FROM", "JOIN", "UNION", "EXCEPT", "INTERSECT", "TABLE", "RLIKE",
          "DIV", "MOD", "ESCAPE", "WITH", "USING", "QUALIFY", "WINDOW", "OVER", "PARTITION", "ORDER", "GROUP");

  /** Words that end a select item (so the item before them has no alias). */
  private static final Set<String> CLAUSES =
      Set.of("FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "QUALIFY",
          "WINDOW", "SORT", "CLUSTER", "DISTRIBUTE", "OFFSET", "INTO");

  private final Map<String, SqlParameter> parameters;
  private final List<SqlParameter> bindings = new ArrayList<>();
  /** A plain SELECT (no set operation, not feeding an INSERT): a bare NULL item can be typed VOID. */
  private boolean voidNulls;

  private SparkSqlTranslator(Map<String, SqlParameter> parameters) {
    this.parameters = parameters;
  }

  /**
   * @throws SqlFailure {@code UNBOUND_SQL_PARAMETER} when a marker has no parameter, {@code
   *     PARSE_SYNTAX_ERROR} for unbalanced text, {@code UNSUPPORTED_FEATURE} for what the emulator cannot run
   */
  static Translated translate(String sql, Map<String, SqlParameter> parameters) {
    return translate(SqlTokens.parse(sql), parameters);
  }

  /** As {@link #translate(String, Map)} for an already parsed statement. */
  static Translated translate(List<Node> tree, Map<String, SqlParameter> parameters) {
    SparkDdl.Plan plan = SparkDdl.plan(tree);
    if (plan.duckSql != null) {
      return new Translated(plan.duckSql, List.of(), List.of());
    }
    SparkSqlTranslator translator = new SparkSqlTranslator(parameters);
    checkSupported(plan.tree);
    List<Node> top = SqlTokens.significant(plan.tree);
    translator.voidNulls = !top.isEmpty() && SqlTokens.isWord(top.get(0), "SELECT")
        && top.stream().noneMatch(n -> SqlTokens.isWord(n, "UNION") || SqlTokens.isWord(n, "EXCEPT")
            || SqlTokens.isWord(n, "INTERSECT") || SqlTokens.isWord(n, "MINUS"));
    String text = translator.render(plan.tree);
    return new Translated(text, translator.bindings, plan.followUps);
  }

  // ---- unsupported constructs -----------------------------------------------------------------

  private static void checkSupported(List<Node> nodes) {
    List<Node> words = SqlTokens.significant(nodes);
    for (int i = 0; i < words.size(); i++) {
      Node n = words.get(i);
      if (n instanceof Group) {
        checkSupported(((Group) n).children);
        continue;
      }
      Token t = (Token) n;
      if (t.kind != Kind.WORD) {
        continue;
      }
      String two = i + 1 < words.size() && words.get(i + 1) instanceof Token
          ? t.upper() + " " + ((Token) words.get(i + 1)).upper() : "";
      String three = i + 2 < words.size() && words.get(i + 2) instanceof Token
          ? two + " " + ((Token) words.get(i + 2)).upper() : "";
      boolean call = i + 1 < words.size() && words.get(i + 1) instanceof Group;
      String why = null;
      if (UNSUPPORTED.containsKey(three)) {
        why = UNSUPPORTED.get(three);
      } else if (UNSUPPORTED.containsKey(two)) {
        why = UNSUPPORTED.get(two);
      } else if (i == 0 && UNSUPPORTED.containsKey(t.upper())) {
        why = UNSUPPORTED.get(t.upper());
      } else if (t.upper().equals("TBLPROPERTIES")) {
        why = UNSUPPORTED.get("TBLPROPERTIES");
      } else if (call && UNSUPPORTED.containsKey(t.value.toLowerCase(Locale.ROOT))) {
        why = UNSUPPORTED.get(t.value.toLowerCase(Locale.ROOT));
      }
      if (why != null) {
        throw unsupported(why);
      }
    }
  }

  static SqlFailure unsupported(String what) {
    return new SqlFailure("UNSUPPORTED_FEATURE", "0A000",
        "The feature is not supported: " + what + " is not available in the local workspace.");
  }

  // ---- rendering ------------------------------------------------------------------------------

  private String render(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    boolean selectItemStart = false; // the next significant node starts a select-list item
    int itemOutStart = -1; // where the current select item starts in out
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (SqlTokens.isTrivia(node)) {
        out.append(((Token) node).text);
        continue;
      }
      boolean itemStart = selectItemStart;
      if (itemStart) {
        itemOutStart = out.length();
      }
      selectItemStart = false;
      if (node instanceof Group) {
        out.append('(').append(render(((Group) node).children)).append(')');
        continue;
      }
      Token t = (Token) node;
      int next = nextSignificant(nodes, i + 1);
      Node after = next < nodes.size() ? nodes.get(next) : null;
      if (t.isWord("SELECT") || (itemStart && (t.isWord("DISTINCT") || t.isWord("ALL")))) {
        out.append(t.text);
        selectItemStart = true;
      } else if (t.isOp(",")) {
        out.append(',');
        selectItemStart = inSelectList(nodes, i);
      } else if (t.isOp(":") && after instanceof Token && ((Token) after).kind == Kind.WORD
          && next == i + 1 && !isJsonPathBase(nodes, i)) {
        out.append(placeholder(((Token) after).value));
        i = next;
      } else if (t.isOp(":") && isJsonPathBase(nodes, i)) {
        int baseStart = baseStart(out);
        i = jsonPath(nodes, i, out);
        int after2 = nextSignificant(nodes, i + 1);
        Node afterPath = after2 < nodes.size() ? nodes.get(after2) : null;
        if (baseStart == itemOutStart && endsItem(afterPath) && !aliased(afterPath)) {
          out.append(" AS ").append(quote(lastPathField(out))); // Spark names raw:a.b after its last field, b
        }
      } else if (t.isName() && after instanceof Group && (next == i + 1 || t.kind == Kind.WORD) && !afterDot(nodes, i)) {
        int end = call(t, (Group) after, nodes, next, itemStart, out);
        i = end;
      } else if (t.isName() && !afterDot(nodes, i) && next < nodes.size() && SqlTokens.isOp(nodes.get(next), ".")
          && next == i + 1) {
        i = qualifiedName(nodes, i, out);
      } else if (t.isWord("X") && next == i + 1 && after instanceof Token && ((Token) after).kind == Kind.STRING) {
        out.append("from_hex(").append(literal(((Token) after).value)).append(')'); // Spark's X'0102' binary literal
        i = next;
      } else if (t.kind == Kind.QUOTED_ID) {
        out.append(quote(t.value));
      } else if (t.kind == Kind.STRING) {
        out.append(literal(t.value));
      } else if (t.kind == Kind.NUMBER) {
        out.append(number(t.text));
      } else if ((t.isWord("ARRAY") || t.isWord("MAP") || t.isWord("STRUCT")) && SqlTokens.isOp(after, "<")) {
        i = SparkTypes.translate(nodes, i, out);
      } else if (t.isWord("TIMESTAMP_NTZ")) {
        out.append("TIMESTAMP_NS"); // DuckDB's nanosecond TIMESTAMP carries Spark's TIMESTAMP_NTZ (see ColumnType)
      } else if (t.isWord("TIMESTAMP_LTZ")) {
        out.append("TIMESTAMPTZ");
      } else if (t.isWord("NULL") && voidNulls && itemStart && endsItem(after)) {
        out.append("CAST(NULL AS BIT)"); // reported as VOID (see ColumnType): DuckDB's own NULL type reads as INT
        if (!aliased(after)) {
          out.append(" AS \"NULL\"");
        }
      } else {
        out.append(t.text);
      }
    }
    return out.toString();
  }

  private static int nextSignificant(List<Node> nodes, int from) {
    int i = from;
    while (i < nodes.size() && SqlTokens.isTrivia(nodes.get(i))) {
      i++;
    }
    return i;
  }

  private static boolean afterDot(List<Node> nodes, int i) {
    return i > 0 && SqlTokens.isOp(nodes.get(i - 1), ".");
  }

  /** Whether the comma at {@code i} separates select items (a SELECT precedes it with no clause between). */
  private static boolean inSelectList(List<Node> nodes, int i) {
    int brackets = 0; // a comma inside [..] or {..} separates elements, not select items
    for (int j = i - 1; j >= 0; j--) {
      Node n = nodes.get(j);
      if (SqlTokens.isOp(n, "]") || SqlTokens.isOp(n, "}")) {
        brackets++;
      } else if (SqlTokens.isOp(n, "[") || SqlTokens.isOp(n, "{")) {
        if (brackets == 0) {
          return false;
        }
        brackets--;
      }
      if (brackets > 0) {
        continue;
      }
      if (SqlTokens.isWord(n, "SELECT")) {
        return true;
      }
      if (n instanceof Token && ((Token) n).kind == Kind.WORD && CLAUSES.contains(((Token) n).upper())) {
        return false;
      }
    }
    return false;
  }

  /** Whether {@code next} ends a select item: a comma, a clause, an alias, the end. */
  private static boolean endsItem(Node next) {
    if (next == null || SqlTokens.isOp(next, ",") || SqlTokens.isOp(next, ";")) {
      return true;
    }
    if (next instanceof Token && ((Token) next).isName()) {
      Token t = (Token) next;
      return t.kind == Kind.QUOTED_ID || t.isWord("AS") || CLAUSES.contains(t.upper()) || !KEYWORDS.contains(t.upper())
          && !t.isWord("IS") && !t.isWord("OVER");
    }
    return false;
  }

  private static boolean aliased(Node next) {
    return next instanceof Token && ((Token) next).isName() && !CLAUSES.contains(((Token) next).upper())
        && (((Token) next).isWord("AS") || !KEYWORDS.contains(((Token) next).upper()));
  }

  // ---- parameters -----------------------------------------------------------------------------

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

  // ---- JSON paths -----------------------------------------------------------------------------

  /** {@code raw:a} with the colon right after a column name (not a keyword), a {@code ]} or a {@code )}. */
  private static boolean isJsonPathBase(List<Node> nodes, int colon) {
    if (colon == 0 || colon + 1 >= nodes.size()) {
      return false;
    }
    Node field = nodes.get(colon + 1); // the path starts right after the colon: `{k: v}` is no path
    if (!(field instanceof Token && (((Token) field).isName() || ((Token) field).isOp("[")))) {
      return false;
    }
    Node before = nodes.get(colon - 1);
    if (before instanceof Group || SqlTokens.isOp(before, "]")) {
      return true;
    }
    if (!(before instanceof Token)) {
      return false;
    }
    Token t = (Token) before;
    return t.kind == Kind.QUOTED_ID || (t.kind == Kind.WORD && !KEYWORDS.contains(t.upper()));
  }

  /**
   * Rewrites {@code base:a.b[0]['c']} (the base already written to {@code out}) as {@code
   * json_extract_string(base, '$.a.b[0].c')}; Spark's {@code :} extraction returns a STRING.
   */
  /** The last field of the path just written ({@code json_extract_string(x, '$.a.b[0]')} → b). */
  private static String lastPathField(StringBuilder out) {
    int open = out.lastIndexOf("'$");
    String path = out.substring(open + 2, out.lastIndexOf("'"));
    String[] fields = path.replaceAll("\\[[^]]*]", "").split("\\.");
    return fields.length == 0 ? "col" : fields[fields.length - 1];
  }

  private static int jsonPath(List<Node> nodes, int colon, StringBuilder out) {
    int baseStart = baseStart(out);
    String base = out.substring(baseStart);
    out.setLength(baseStart);
    StringBuilder path = new StringBuilder("$");
    int i = colon + 1;
    boolean expectName = true;
    while (i < nodes.size()) {
      Node n = nodes.get(i);
      if (expectName && n instanceof Token && ((Token) n).isName()) {
        path.append('.').append(((Token) n).value);
        expectName = false;
        i++;
      } else if (!expectName && SqlTokens.isOp(n, ".")) {
        expectName = true;
        i++;
      } else if (SqlTokens.isOp(n, "[")) {
        int close = i + 1;
        Node inside = close < nodes.size() ? nodes.get(close) : null;
        if (!(inside instanceof Token) || close + 1 >= nodes.size() || !SqlTokens.isOp(nodes.get(close + 1), "]")) {
          throw SqlTokens.syntax("a JSON path index must be a number or a quoted key");
        }
        Token key = (Token) inside;
        if (key.kind == Kind.NUMBER) {
          path.append('[').append(key.text).append(']');
        } else if (key.kind == Kind.STRING) {
          path.append('.').append(key.value);
        } else if (key.isOp("*")) {
          path.append("[*]");
        } else {
          throw SqlTokens.syntax("a JSON path index must be a number or a quoted key");
        }
        expectName = false;
        i = close + 2;
      } else {
        break;
      }
    }
    if (expectName) {
      throw SqlTokens.syntax("a JSON path needs a field after ':'");
    }
    out.append("json_extract_string(").append(base).append(", ").append(literal(path.toString())).append(')');
    return i - 1;
  }

  /** Where the last written operand starts: a dotted name, a quoted name or a parenthesised expression. */
  private static int baseStart(StringBuilder out) {
    int i = out.length() - 1;
    while (i >= 0) {
      char c = out.charAt(i);
      if (c == '"') {
        i = out.lastIndexOf("\"", i - 1) - 1;
      } else if (c == ')' || c == ']') {
        int depth = 0;
        char open = c == ')' ? '(' : '[';
        for (; i >= 0; i--) {
          char d = out.charAt(i);
          if (d == c) {
            depth++;
          } else if (d == open && --depth == 0) {
            break;
          }
        }
        i--;
        while (i >= 0 && (Character.isLetterOrDigit(out.charAt(i)) || out.charAt(i) == '_')) {
          i--; // the function name before a call
        }
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        while (i >= 0 && (Character.isLetterOrDigit(out.charAt(i)) || out.charAt(i) == '_')) {
          i--;
        }
      } else {
        break;
      }
      if (i >= 0 && out.charAt(i) == '.') {
        i--;
        continue;
      }
      break;
    }
    return i + 1;
  }

  // ---- names ----------------------------------------------------------------------------------

  /**
   * A dotted name {@code a.b.c...}: catalog {@code main} becomes DuckDB's {@code memory}, schema {@code
   * default} DuckDB's {@code main}. Three or more parts starting with {@code main.default} or any
   * {@code x.default.y} are catalog.schema...; two parts {@code default.t} are schema.table.
   */
  private int qualifiedName(List<Node> nodes, int first, StringBuilder out) {
    List<Token> parts = new ArrayList<>();
    int i = first;
    while (i < nodes.size() && nodes.get(i) instanceof Token && ((Token) nodes.get(i)).isName()) {
      parts.add((Token) nodes.get(i));
      if (i + 2 < nodes.size() && SqlTokens.isOp(nodes.get(i + 1), ".") && nodes.get(i + 2) instanceof Token
          && ((Token) nodes.get(i + 2)).isName()) {
        i += 2;
      } else {
        break;
      }
    }
    boolean call = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Group;
    List<String> rendered = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Token part = parts.get(p);
      String name = part.value;
      if (!call && p == 0 && parts.size() >= 3 && name.equalsIgnoreCase("main")) {
        rendered.add(quote("memory"));
      } else if (!call && name.equalsIgnoreCase("default") && (p == 1 && parts.size() >= 3 || p == 0)) {
        rendered.add(quote("main"));
      } else {
        rendered.add(part.kind == Kind.QUOTED_ID ? quote(name) : part.text);
      }
    }
    out.append(String.join(".", rendered));
    return i;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Spark's typed numeric literals: {@code 10L} BIGINT, {@code 10S} SMALLINT, {@code 10Y} TINYINT, ... */
  private static String number(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.endsWith("BD")) {
      String digits = text.substring(0, text.length() - 2);
      int dot = digits.indexOf('.');
      int scale = dot < 0 ? 0 : digits.length() - dot - 1;
      int precision = Math.max(digits.replace(".", "").replaceFirst("^0+(?=.)", "").length(), scale + 1);
      return "CAST(" + digits + " AS DECIMAL(" + Math.max(precision, 1) + "," + scale + "))";
    }
    char suffix = upper.charAt(upper.length() - 1);
    String digits = text.substring(0, text.length() - 1);
    switch (suffix) {
      case 'L':
        return "CAST(" + digits + " AS BIGINT)";
      case 'S':
        return "CAST(" + digits + " AS SMALLINT)";
      case 'Y':
        return "CAST(" + digits + " AS TINYINT)";
      case 'D':
        return "CAST(" + digits + " AS DOUBLE)";
      case 'F':
        return "CAST(" + digits + " AS FLOAT)";
      default:
        return text;
    }
  }

  // ---- function calls -------------------------------------------------------------------------

  /**
   * Writes a call {@code name(args)} in DuckDB's terms; returns the index of its group. Unaliased select
   * items whose text changes get Spark's column name as alias.
   */
  private int call(Token name, Group group, List<Node> nodes, int groupIndex, boolean itemStart, StringBuilder out) {
    List<List<Node>> rawArgs = SqlTokens.splitCommas(group.children);
    List<String> args = new ArrayList<>();
    for (List<Node> arg : rawArgs) {
      args.add(render(arg).trim());
    }
    String fn = name.kind == Kind.WORD && !typePosition(nodes, groupIndex) ? name.value.toLowerCase(Locale.ROOT) : null;
    String translated = fn == null ? null : function(fn, args, rawArgs, nodes, groupIndex);
    if (translated == null) {
      StringBuilder between = new StringBuilder(); // white space between a word and its group stays
      for (int j = groupIndex - 1; j >= 0 && SqlTokens.isTrivia(nodes.get(j)); j--) {
        between.insert(0, ((Token) nodes.get(j)).text);
      }
      out.append(name.kind == Kind.QUOTED_ID ? quote(name.value) : name.text).append(between)
          .append('(').append(render(group.children)).append(')');
      return groupIndex;
    }
    out.append(translated);
    int next = nextSignificant(nodes, groupIndex + 1);
    Node after = next < nodes.size() ? nodes.get(next) : null;
    if (itemStart && endsItem(after) && !aliased(after)) {
      out.append(" AS ").append(quote(sparkName(fn, rawArgs)));
    }
    return groupIndex;
  }

  /**
   * Whether the word before {@code groupIndex} names a type, not a function: it follows a column name (a
   * column definition), {@code AS} (a CAST) or {@code ::}. A call never follows a bare name in Spark SQL.
   */
  private static boolean typePosition(List<Node> nodes, int groupIndex) {
    int name = groupIndex - 1;
    while (name >= 0 && SqlTokens.isTrivia(nodes.get(name))) {
      name--;
    }
    int before = name - 1;
    while (before >= 0 && SqlTokens.isTrivia(nodes.get(before))) {
      before--;
    }
    if (before < 0 || !(nodes.get(before) instanceof Token)) {
      return false;
    }
    Token t = (Token) nodes.get(before);
    return t.isOp("::") || t.isWord("AS") || t.kind == Kind.QUOTED_ID
        || (t.kind == Kind.WORD && !KEYWORDS.contains(t.upper()) && !CLAUSES.contains(t.upper()));
  }

  /** Spark's name for an unaliased call: {@code date_format(d, yyyy-MM)} (string literals unquoted). */
  private static String sparkName(String fn, List<List<Node>> args) {
    if (fn.equals("explode")) {
      return "col";
    }
    List<String> parts = new ArrayList<>();
    for (List<Node> arg : args) {
      StringBuilder text = new StringBuilder();
      Node previous = null;
      for (Node n : arg) {
        if (SqlTokens.isTrivia(n)) {
          text.append(' ');
          continue;
        }
        boolean typedLiteral = previous instanceof Token && ((Token) previous).kind == Kind.WORD
            && Set.of("DATE", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "INTERVAL", "X")
                .contains(((Token) previous).upper());
        if (n instanceof Token && ((Token) n).kind == Kind.STRING && !typedLiteral) {
          text.append(((Token) n).value);
        } else if (n instanceof Token && ((Token) n).kind == Kind.QUOTED_ID) {
          text.append(((Token) n).value);
        } else if (n instanceof Token) {
          text.append(((Token) n).text);
        } else {
          text.append('(').append(SqlTokens.source(((Group) n).children).trim()).append(')');
        }
        previous = n;
      }
      parts.add(text.toString().trim().replaceAll("\\s+", " "));
    }
    return fn + "(" + String.join(", ", parts) + ")";
  }

  /** The DuckDB text of a Spark function call, or null to keep the call as written. */
  private String function(String fn, List<String> args, List<List<Node>> rawArgs, List<Node> nodes, int groupIndex) {
    switch (fn) {
      case "range":
        List<String> kept = args.subList(0, Math.min(3, args.size())); // numPartitions means nothing here
        return "(SELECT range AS id FROM range(" + String.join(", ", kept) + "))";
      case "current_catalog":
        return "(CASE current_database() WHEN 'memory' THEN 'main' ELSE current_database() END)";
      case "current_schema":
      case "current_database":
        return "(CASE current_schema() WHEN 'main' THEN 'default' ELSE current_schema() END)";
      case "array":
        return "list_value(" + String.join(", ", args) + ")";
      case "named_struct":
        return namedStruct(args, rawArgs);
      case "struct":
        return struct(args, rawArgs);
      case "map":
        return map(args);
      case "explode":
        expectArgs(fn, args, 1, 1);
        return "unnest(" + args.get(0) + ")";
      case "collect_list":
      case "array_agg":
        expectArgs(fn, args, 1, 1);
        return "coalesce(list(" + args.get(0) + ") FILTER (WHERE (" + args.get(0) + ") IS NOT NULL), [])";
      case "collect_set":
        expectArgs(fn, args, 1, 1);
        return "coalesce(list(DISTINCT " + args.get(0) + ") FILTER (WHERE (" + args.get(0) + ") IS NOT NULL), [])";
      case "date_format":
        expectArgs(fn, args, 2, 2);
        return "strftime(" + args.get(0) + ", " + literal(JavaDatePattern.toStrftime(stringArg(fn, rawArgs, 1))) + ")";
      case "to_date":
        expectArgs(fn, args, 1, 2);
        return args.size() == 1
            ? "CAST(" + args.get(0) + " AS DATE)"
            : "CAST(strptime(" + args.get(0) + ", " + literal(JavaDatePattern.toStrptime(stringArg(fn, rawArgs, 1)))
                + ") AS DATE)";
      case "to_timestamp":
        expectArgs(fn, args, 1, 2);
        return args.size() == 1
            ? "CAST(" + args.get(0) + " AS TIMESTAMPTZ)"
            : "CAST(strptime(" + args.get(0) + ", " + literal(JavaDatePattern.toStrptime(stringArg(fn, rawArgs, 1)))
                + ") AS TIMESTAMPTZ)";
      case "date_trunc":
        expectArgs(fn, args, 2, 2);
        return "CAST(date_trunc(" + literal(truncUnit(stringArg(fn, rawArgs, 0))) + ", " + args.get(1)
            + ") AS TIMESTAMPTZ)";
      case "nvl":
      case "ifnull":
        expectArgs(fn, args, 2, 2);
        return "coalesce(" + args.get(0) + ", " + args.get(1) + ")";
      case "get_json_object":
        expectArgs(fn, args, 2, 2);
        return "json_extract_string(" + args.get(0) + ", " + args.get(1) + ")";
      case "size":
      case "cardinality":
        expectArgs(fn, args, 1, 1);
        return "coalesce(len(" + args.get(0) + "), -1)";
      default:
        return null;
    }
  }

  private static void expectArgs(String fn, List<String> args, int min, int max) {
    int count = args.size() == 1 && args.get(0).isEmpty() ? 0 : args.size();
    if (count < min || count > max) {
      String expected = min == max ? String.valueOf(min) : "[" + min + ", " + max + "]";
      throw new SqlFailure("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
          "The `" + fn + "` requires " + expected + " parameters but the actual number is " + count + ".");
    }
  }

  /** A string-literal argument (a pattern, a unit); anything else is not supported here. */
  private static String stringArg(String fn, List<List<Node>> rawArgs, int index) {
    List<Node> arg = SqlTokens.significant(rawArgs.get(index));
    if (arg.size() != 1 || !(arg.get(0) instanceof Token) || ((Token) arg.get(0)).kind != Kind.STRING) {
      throw unsupported("a non-literal argument " + (index + 1) + " of " + fn);
    }
    return ((Token) arg.get(0)).value;
  }

  private static String namedStruct(List<String> args, List<List<Node>> rawArgs) {
    if (args.size() % 2 != 0 || args.get(0).isEmpty()) {
      throw new SqlFailure("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
          "The `named_struct` requires an even number of parameters but the actual number is " + args.size() + ".");
    }
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      fields.add(quote(stringArg("named_struct", rawArgs, i)) + " := " + args.get(i + 1));
    }
    return "struct_pack(" + String.join(", ", fields) + ")";
  }

  /** Spark names a struct field after a column reference, else {@code col1}, {@code col2}, ... */
  private static String struct(List<String> args, List<List<Node>> rawArgs) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      List<Node> arg = SqlTokens.significant(rawArgs.get(i));
      String fieldName = "col" + (i + 1);
      if (!arg.isEmpty() && arg.get(arg.size() - 1) instanceof Token && ((Token) arg.get(arg.size() - 1)).isName()) {
        boolean reference = true;
        for (int j = 0; j < arg.size(); j++) {
          Node n = arg.get(j);
          boolean ok = j % 2 == 0 ? n instanceof Token && ((Token) n).isName() : SqlTokens.isOp(n, ".");
          reference &= ok;
        }
        if (reference) {
          fieldName = ((Token) arg.get(arg.size() - 1)).value;
        }
      }
      fields.add(quote(fieldName) + " := " + args.get(i));
    }
    return "struct_pack(" + String.join(", ", fields) + ")";
  }

  private static String map(List<String> args) {
    if (args.size() == 1 && args.get(0).isEmpty()) {
      return "MAP {}";
    }
    if (args.size() % 2 != 0) {
      throw new SqlFailure("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
          "The `map` requires an even number of parameters but the actual number is " + args.size() + ".");
    }
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i += 2) {
      keys.add(args.get(i));
      values.add(args.get(i + 1));
    }
    return "map([" + String.join(", ", keys) + "], [" + String.join(", ", values) + "])";
  }

  private static String truncUnit(String unit) {
    switch (unit.toUpperCase(Locale.ROOT)) {
      case "YEAR":
      case "YYYY":
      case "YY":
        return "year";
      case "QUARTER":
        return "quarter";
      case "MONTH":
      case "MM":
      case "MON":
        return "month";
      case "WEEK":
        return "week";
      case "DAY":
      case "DD":
        return "day";
      case "HOUR":
        return "hour";
      case "MINUTE":
        return "minute";
      case "SECOND":
        return "second";
      case "MILLISECOND":
        return "millisecond";
      case "MICROSECOND":
        return "microsecond";
      default:
        throw new SqlFailure("INVALID_PARAMETER_VALUE.DATETIME_UNIT", "22023",
            "The value of parameter(s) `unit` in `date_trunc` is invalid: " + unit + ".");
    }
  }
}

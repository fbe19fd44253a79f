package dev.kiln.emulator.internal;

import dev.kiln.emulator.internal.SqlTokens.Group;
import dev.kiln.emulator.internal.SqlTokens.Kind;
import dev.kiln.emulator.internal.SqlTokens.Node;
import dev.kiln.emulator.internal.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Databricks DDL that DuckDB has no words for, turned into what it does have:
 *
 * <ul>
 *   <li>{@code CREATE CATALOG [IF NOT EXISTS] c} attaches an in-memory database; {@code DROP CATALOG [IF
 *       EXISTS] c [CASCADE]} detaches it;
 *   <li>{@code CREATE|DROP DATABASE} is {@code CREATE|DROP SCHEMA}; a schema's {@code COMMENT}, {@code
 *       LOCATION}, {@code MANAGED LOCATION} and {@code WITH DBPROPERTIES} are dropped;
 *   <li>in {@code CREATE [OR REPLACE] TABLE}: {@code USING fmt}, {@code PARTITIONED BY (..)}, {@code CLUSTER BY
 *       (..)}, {@code LOCATION '..'}, {@code OPTIONS (..)} and {@code TBLPROPERTIES (..)} are dropped (every
 *       table is a managed Delta table here); the table's and its columns' {@code COMMENT '..'} are kept, as
 *       follow-up {@code COMMENT ON} statements.
 * </ul>
 */
final class SparkDdl {
  /** The statement to run (a tree to translate, or DuckDB text) and DuckDB statements to run after it. */
  static final class Plan {
    final List<Node> tree;
    final String duckSql;
    final List<String> followUps;

    Plan(List<Node> tree, String duckSql, List<String> followUps) {
      this.tree = tree;
      this.duckSql = duckSql;
      this.followUps = followUps;
    }
  }

  private SparkDdl() {}

  static Plan plan(List<Node> tree) {
    List<Node> words = SqlTokens.significant(tree);
    if (words.size() < 3 || !(SqlTokens.isWord(words.get(0), "CREATE") || SqlTokens.isWord(words.get(0), "DROP"))) {
      return new Plan(tree, null, List.of());
    }
    boolean create = SqlTokens.isWord(words.get(0), "CREATE");
    int kind = 1;
    if (create && SqlTokens.isWord(words.get(1), "OR") && SqlTokens.isWord(words.get(2), "REPLACE")) {
      kind = 3;
    }
    if (kind >= words.size()) {
      return new Plan(tree, null, List.of());
    }
    Node object = words.get(kind);
    if (SqlTokens.isWord(object, "CATALOG")) {
      return catalog(words, kind + 1, create);
    }
    if (SqlTokens.isWord(object, "DATABASE") || SqlTokens.isWord(object, "SCHEMA")) {
      return new Plan(schema(tree, create), null, List.of());
    }
    if (create && SqlTokens.isWord(object, "TABLE")) {
      return table(tree, kind);
    }
    return new Plan(tree, null, List.of());
  }

  private static Plan catalog(List<Node> words, int at, boolean create) {
    boolean guarded = false;
    if (create && at + 2 < words.size() && SqlTokens.isWord(words.get(at), "IF")) {
      guarded = true;
      at += 3; // IF NOT EXISTS
    } else if (!create && at + 1 < words.size() && SqlTokens.isWord(words.get(at), "IF")) {
      guarded = true;
      at += 2; // IF EXISTS
    }
    if (at >= words.size() || !(words.get(at) instanceof Token) || !((Token) words.get(at)).isName()) {
      throw SqlTokens.syntax("a catalog name expected");
    }
    String name = ((Token) words.get(at)).value;
    if (name.equalsIgnoreCase(Namespace.DEFAULT_CATALOG) || name.equalsIgnoreCase("system")
        || name.equalsIgnoreCase("temp") || name.equalsIgnoreCase("memory")) {
      if (create && guarded && name.equalsIgnoreCase(Namespace.DEFAULT_CATALOG)) {
        return new Plan(null, "SELECT 1 WHERE false", List.of());
      }
      throw new SqlFailure("INVALID_PARAMETER_VALUE", "22023", "The catalog name '" + name + "' is reserved.");
    }
    String quoted = SparkSqlTranslator.quote(Namespace.toDuckCatalog(name));
    String sql = create
        ? "ATTACH " + (guarded ? "IF NOT EXISTS " : "") + "':memory:' AS " + quoted
        : "DETACH " + (guarded ? "IF EXISTS " : "") + quoted;
    return new Plan(null, sql, List.of());
  }

  /** DATABASE becomes SCHEMA; schema options DuckDB lacks are dropped. */
  private static List<Node> schema(List<Node> tree, boolean create) {
    List<Node> out = new ArrayList<>();
    boolean named = false;
    for (int i = 0; i < tree.size(); i++) {
      Node n = tree.get(i);
      if (!named && n instanceof Token && ((Token) n).isName() && i + 2 < tree.size()
          && SqlTokens.isOp(tree.get(i + 1), ".")) {
        // catalog.schema: written out here, as a two-part name elsewhere is schema.table
        named = true;
        String path = Namespace.duckSchemaPath(((Token) n).value, ((Token) tree.get(i + 2)).value);
        out.add(new Token(Kind.WORD, path, path));
        i += 2;
      } else if (SqlTokens.isWord(n, "DATABASE")) {
        out.add(new Token(Kind.WORD, "SCHEMA", "SCHEMA"));
      } else if (create && (SqlTokens.isWord(n, "COMMENT") || SqlTokens.isWord(n, "LOCATION"))) {
        i = skipValue(tree, i);
      } else if (create && SqlTokens.isWord(n, "MANAGED")) {
        i = skipValue(tree, skipTo(tree, i, "LOCATION"));
      } else if (create && SqlTokens.isWord(n, "WITH") && nextIs(tree, i, "DBPROPERTIES")) {
        i = skipValue(tree, skipTo(tree, i, "DBPROPERTIES"));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  private static Plan table(List<Node> tree, int tableWordIndex) {
    List<Node> out = new ArrayList<>();
    List<String> followUps = new ArrayList<>();
    List<Node> words = SqlTokens.significant(tree);
    int nameAt = tableWordIndex + 1;
    if (nameAt + 2 < words.size() && SqlTokens.isWord(words.get(nameAt), "IF")) {
      nameAt += 3;
    }
    String tableName = null; // in DuckDB terms, rendered by the translator later
    boolean columnsSeen = false;
    int significantIndex = -1;
    for (int i = 0; i < tree.size(); i++) {
      Node n = tree.get(i);
      if (!SqlTokens.isTrivia(n)) {
        significantIndex++;
      }
      if (significantIndex == nameAt && tableName == null && !SqlTokens.isTrivia(n)) {
        tableName = nameText(tree, i);
      }
      if (tableName != null && SqlTokens.isWord(n, "AS")) {
        out.addAll(tree.subList(i, tree.size())); // CREATE TABLE .. AS SELECT: the query stays as written
        break;
      }
      if (!columnsSeen && n instanceof Group && tableName != null) {
        columnsSeen = true;
        out.add(new Group(columns(((Group) n).children, tableName, followUps)));
        continue;
      }
      if (SqlTokens.isWord(n, "USING") || SqlTokens.isWord(n, "LOCATION")) {
        i = skipValue(tree, i);
      } else if (SqlTokens.isWord(n, "COMMENT")) {
        int value = nextSignificantIndex(tree, i + 1);
        if (tableName != null && value < tree.size() && tree.get(value) instanceof Token) {
          followUps.add("COMMENT ON TABLE " + tableName + " IS "
              + SparkSqlTranslator.literal(((Token) tree.get(value)).value));
        }
        i = value;
      } else if ((SqlTokens.isWord(n, "PARTITIONED") || SqlTokens.isWord(n, "CLUSTER")) && nextIs(tree, i, "BY")) {
        i = skipValue(tree, skipTo(tree, i, "BY"));
      } else if (SqlTokens.isWord(n, "TBLPROPERTIES") || SqlTokens.isWord(n, "OPTIONS")) {
        i = skipValue(tree, i);
      } else {
        out.add(n);
      }
    }
    return new Plan(out, null, followUps);
  }

  /** Column definitions with their {@code COMMENT '..'} removed and kept as follow-ups. */
  private static List<Node> columns(List<Node> defs, String tableName, List<String> followUps) {
    List<Node> out = new ArrayList<>();
    for (List<Node> def : SqlTokens.splitCommas(defs)) {
      List<Node> significant = SqlTokens.significant(def);
      String column = !significant.isEmpty() && significant.get(0) instanceof Token
          ? ((Token) significant.get(0)).value : null;
      if (!out.isEmpty()) {
        out.add(new Token(Kind.OP, ",", ","));
      }
      for (int i = 0; i < def.size(); i++) {
        Node n = def.get(i);
        if (SqlTokens.isWord(n, "COMMENT")) {
          while (!out.isEmpty() && SqlTokens.isTrivia(out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
          }
          int value = nextSignificantIndex(def, i + 1);
          if (column != null && value < def.size() && def.get(value) instanceof Token) {
            followUps.add("COMMENT ON COLUMN " + tableName + "." + SparkSqlTranslator.quote(column) + " IS "
                + SparkSqlTranslator.literal(((Token) def.get(value)).value));
          }
          i = value;
        } else {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** The dotted name starting at {@code i}, as DuckDB text with Databricks' names mapped. */
  private static String nameText(List<Node> tree, int i) {
    List<String> parts = new ArrayList<>();
    int j = i;
    while (j < tree.size() && tree.get(j) instanceof Token && ((Token) tree.get(j)).isName()) {
      parts.add(((Token) tree.get(j)).value);
      if (j + 2 < tree.size() && SqlTokens.isOp(tree.get(j + 1), ".")) {
        j += 2;
      } else {
        break;
      }
    }
    if (parts.size() == 3) {
      return Namespace.duckTablePath(parts.get(0), parts.get(1), parts.get(2));
    }
    if (parts.size() == 2) {
      return SparkSqlTranslator.quote(Namespace.toDuckSchema(parts.get(0))) + "."
          + SparkSqlTranslator.quote(parts.get(1));
    }
    return parts.isEmpty() ? null : SparkSqlTranslator.quote(parts.get(0));
  }

  private static boolean nextIs(List<Node> tree, int i, String word) {
    int j = nextSignificantIndex(tree, i + 1);
    return j < tree.size() && SqlTokens.isWord(tree.get(j), word);
  }

  private static int skipTo(List<Node> tree, int i, String word) {
    int j = nextSignificantIndex(tree, i + 1);
    return j < tree.size() && SqlTokens.isWord(tree.get(j), word) ? j : i;
  }

  /** The index of the value after the keyword at {@code i} (a word, string or group). */
  private static int skipValue(List<Node> tree, int i) {
    int j = nextSignificantIndex(tree, i + 1);
    return Math.min(j, tree.size() - 1);
  }

  private static int nextSignificantIndex(List<Node> nodes, int from) {
    int i = from;
    while (i < nodes.size() && SqlTokens.isTrivia(nodes.get(i))) {
      i++;
    }
    return i;
  }
}

package dev.kiln.emulator.internal;

import dev.kiln.emulator.internal.SqlTokens.Group;
import dev.kiln.emulator.internal.SqlTokens.Kind;
import dev.kiln.emulator.internal.SqlTokens.Node;
import dev.kiln.emulator.internal.SqlTokens.Token;
import java.util.List;
import java.util.Locale;

/**
 * Spark's nested type syntax ({@code ARRAY<INT>}, {@code MAP<STRING, ARRAY<INT>>}, {@code STRUCT<a: INT, b
 * STRING>}) in DuckDB's ({@code INTEGER[]}, {@code MAP(VARCHAR, INTEGER[])}, {@code STRUCT("a" INTEGER,
 * "b" VARCHAR)}), read from the token tree.
 */
final class SparkTypes {
  private SparkTypes() {}

  /** Writes the type starting at {@code start} to {@code out}; returns the index of its last node. */
  static int translate(List<Node> nodes, int start, StringBuilder out) {
    int[] position = {start};
    out.append(type(nodes, position));
    return position[0] - 1;
  }

  private static String type(List<Node> nodes, int[] p) {
    skip(nodes, p);
    Node node = nodes.get(p[0]);
    if (!(node instanceof Token) || !((Token) node).isName()) {
      throw SqlTokens.syntax("a data type was expected");
    }
    Token name = (Token) node;
    p[0]++;
    String upper = name.upper();
    if ((upper.equals("ARRAY") || upper.equals("MAP") || upper.equals("STRUCT")) && peekOp(nodes, p, "<")) {
      expectOp(nodes, p, "<");
      String result;
      if (upper.equals("ARRAY")) {
        result = type(nodes, p) + "[]";
      } else if (upper.equals("MAP")) {
        String key = type(nodes, p);
        expectOp(nodes, p, ",");
        result = "MAP(" + key + ", " + type(nodes, p) + ")";
      } else {
        StringBuilder fields = new StringBuilder("STRUCT(");
        boolean first = true;
        while (!peekOp(nodes, p, ">")) {
          if (!first) {
            expectOp(nodes, p, ",");
          }
          skip(nodes, p);
          Token field = (Token) nodes.get(p[0]++);
          if (peekOp(nodes, p, ":")) {
            expectOp(nodes, p, ":");
          }
          fields.append(first ? "" : ", ").append(SparkSqlTranslator.quote(field.value)).append(' ')
              .append(type(nodes, p));
          skipComment(nodes, p);
          first = false;
        }
        result = fields.append(')').toString();
      }
      expectOp(nodes, p, ">");
      return result;
    }
    String simple = simple(upper);
    if (p[0] < nodes.size() && nodes.get(p[0]) instanceof Group) {
      simple += "(" + SqlTokens.source(((Group) nodes.get(p[0])).children) + ")"; // DECIMAL(10,2)
      p[0]++;
    }
    return simple;
  }

  /** {@code COMMENT 'text'} after a struct field is accepted and dropped. */
  private static void skipComment(List<Node> nodes, int[] p) {
    int save = p[0];
    skip(nodes, p);
    if (p[0] < nodes.size() && SqlTokens.isWord(nodes.get(p[0]), "COMMENT")) {
      p[0]++;
      skip(nodes, p);
      p[0]++;
    } else {
      p[0] = save;
    }
  }

  static String simple(String upper) {
    switch (upper.toUpperCase(Locale.ROOT)) {
      case "STRING":
        return "VARCHAR";
      case "LONG":
        return "BIGINT";
      case "SHORT":
        return "SMALLINT";
      case "BYTE":
        return "TINYINT";
      case "REAL":
        return "FLOAT";
      case "BINARY":
        return "BLOB";
      case "TIMESTAMP_NTZ":
        return "TIMESTAMP_NS";
      case "TIMESTAMP_LTZ":
        return "TIMESTAMPTZ";
      case "VOID":
        return "\"NULL\"";
      default:
        return upper;
    }
  }

  private static void skip(List<Node> nodes, int[] p) {
    while (p[0] < nodes.size() && SqlTokens.isTrivia(nodes.get(p[0]))) {
      p[0]++;
    }
    if (p[0] >= nodes.size()) {
      throw SqlTokens.syntax("the data type ends early");
    }
  }

  private static boolean peekOp(List<Node> nodes, int[] p, String op) {
    int i = p[0];
    while (i < nodes.size() && SqlTokens.isTrivia(nodes.get(i))) {
      i++;
    }
    return i < nodes.size() && SqlTokens.isOp(nodes.get(i), op);
  }

  private static void expectOp(List<Node> nodes, int[] p, String op) {
    skip(nodes, p);
    Node n = nodes.get(p[0]);
    if (!(n instanceof Token) || ((Token) n).kind != Kind.OP || !((Token) n).text.equals(op)) {
      throw SqlTokens.syntax("'" + op + "' expected in a data type");
    }
    p[0]++;
  }
}

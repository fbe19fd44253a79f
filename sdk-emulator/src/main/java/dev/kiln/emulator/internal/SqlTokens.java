package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark SQL text as a token tree: words, {@code `quoted`} identifiers, string literals (Spark's: single or
 * double quotes, backslash escapes), numbers (with Spark's {@code L}/{@code D}/{@code BD}... suffixes kept in
 * the text), operators, comments and white space; every parenthesised run is one {@link Group}. The
 * translator and the command parser work on this tree, never on raw text.
 */
final class SqlTokens {
  private SqlTokens() {}

  enum Kind {
    WORD,
    QUOTED_ID,
    STRING,
    NUMBER,
    OP,
    SPACE,
    COMMENT
  }

  /** A token or a parenthesised group. */
  interface Node {}

  static final class Token implements Node {
    final Kind kind;
    /** The source text. */
    final String text;
    /** WORD: the word; QUOTED_ID and STRING: the unescaped content; others: the text. */
    final String value;

    Token(Kind kind, String text, String value) {
      this.kind = kind;
      this.text = text;
      this.value = value;
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && value.equalsIgnoreCase(word);
    }

    boolean isOp(String op) {
      return kind == Kind.OP && text.equals(op);
    }

    /** A word or a quoted identifier: something that can name a column, table or alias. */
    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED_ID;
    }

    boolean isTrivia() {
      return kind == Kind.SPACE || kind == Kind.COMMENT;
    }

    String upper() {
      return value.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code ( children )}. */
  static final class Group implements Node {
    final List<Node> children;

    Group(List<Node> children) {
      this.children = children;
    }
  }

  static boolean isTrivia(Node node) {
    return node instanceof Token && ((Token) node).isTrivia();
  }

  static boolean isWord(Node node, String word) {
    return node instanceof Token && ((Token) node).isWord(word);
  }

  static boolean isOp(Node node, String op) {
    return node instanceof Token && ((Token) node).isOp(op);
  }

  /** The nodes without white space and comments. */
  static List<Node> significant(List<Node> nodes) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (!isTrivia(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Splits on top-level commas: commas inside groups belong to the group, and those inside a nested type's
   * angle brackets ({@code MAP<STRING, INT>}) to the type.
   */
  static List<List<Node>> splitCommas(List<Node> nodes) {
    List<List<Node>> parts = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    int angles = 0;
    Node previous = null;
    for (Node n : nodes) {
      if (isOp(n, "<") && (isWord(previous, "ARRAY") || isWord(previous, "MAP") || isWord(previous, "STRUCT"))) {
        angles++;
      } else if (isOp(n, ">") && angles > 0) {
        angles--;
      }
      if (!isTrivia(n)) {
        previous = n;
      }
      if (isOp(n, ",") && angles == 0) {
        parts.add(current);
        current = new ArrayList<>();
      } else {
        current.add(n);
      }
    }
    if (!current.isEmpty() || !parts.isEmpty()) {
      parts.add(current);
    }
    return parts;
  }

  /** Splits a script on top-level {@code ;}; statements with nothing but white space are left out. */
  static List<List<Node>> splitStatements(List<Node> nodes) {
    List<List<Node>> statements = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    for (Node n : nodes) {
      if (isOp(n, ";")) {
        if (!significant(current).isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(n);
      }
    }
    if (!significant(current).isEmpty()) {
      statements.add(current);
    }
    return statements;
  }

  /** The source text back (Spark form), for error messages and Spark-style column names. */
  static String source(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    for (Node n : nodes) {
      if (n instanceof Group) {
        out.append('(').append(source(((Group) n).children)).append(')');
      } else {
        out.append(((Token) n).text);
      }
    }
    return out.toString();
  }

  /**
   * Parses text into a tree.
   *
   * @throws SqlFailure PARSE_SYNTAX_ERROR for an unclosed quote, comment or parenthesis
   */
  static List<Node> parse(String sql) {
    List<Token> tokens = tokenize(sql);
    int[] position = {0};
    List<Node> nodes = group(tokens, position, false);
    if (position[0] < tokens.size()) {
      throw syntax("unbalanced ')'");
    }
    return nodes;
  }

  private static List<Node> group(List<Token> tokens, int[] position, boolean nested) {
    List<Node> nodes = new ArrayList<>();
    while (position[0] < tokens.size()) {
      Token t = tokens.get(position[0]++);
      if (t.isOp("(")) {
        nodes.add(new Group(group(tokens, position, true)));
      } else if (t.isOp(")")) {
        if (!nested) {
          position[0]--;
          return nodes;
        }
        return nodes;
      } else {
        nodes.add(t);
      }
    }
    if (nested) {
      throw syntax("missing ')'");
    }
    return nodes;
  }

  static SqlFailure syntax(String detail) {
    return new SqlFailure("PARSE_SYNTAX_ERROR", "42601", "Syntax error: " + detail + ".");
  }

  private static final String[] OPERATORS = {"<=>", "::", "<=", ">=", "<>", "!=", "==", "||", "->", "=>", "&&"};

  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.SPACE, sql.substring(start, i), sql.substring(start, i)));
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end;
        tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), ""));
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          throw syntax("unclosed comment");
        }
        i = end + 2;
        tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), ""));
      } else if (c == '\'' || c == '"' || c == '`') {
        StringBuilder value = new StringBuilder();
        i = readQuoted(sql, i, value);
        tokens.add(new Token(c == '`' ? Kind.QUOTED_ID : Kind.STRING, sql.substring(start, i), value.toString()));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          char d = sql.charAt(i);
          if ((d == 'e' || d == 'E') && i + 1 < n && (sql.charAt(i + 1) == '-' || sql.charAt(i + 1) == '+')) {
            i += 2;
            continue;
          }
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), sql.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(start, i), sql.substring(start, i)));
      } else {
        String op = String.valueOf(c);
        for (String candidate : OPERATORS) {
          if (sql.startsWith(candidate, i)) {
            op = candidate;
            break;
          }
        }
        i += op.length();
        tokens.add(new Token(Kind.OP, op, op));
      }
    }
    return tokens;
  }

  /**
   * Reads the quoted text opening at {@code open} into {@code value}; returns the index after the closing
   * quote. A doubled quote stands for one; in string literals (not in backquoted names) backslash escapes
   * work as in Spark ({@code \\n}, {@code \\'}, {@code \\u0041}).
   */
  private static int readQuoted(String sql, int open, StringBuilder value) {
    char quote = sql.charAt(open);
    boolean escapes = quote != '`';
    int n = sql.length();
    int i = open + 1;
    while (i < n) {
      char d = sql.charAt(i);
      if (escapes && d == '\\' && i + 5 < n && sql.charAt(i + 1) == 'u' && isHex(sql, i + 2, 4)) {
        value.append((char) Integer.parseInt(sql.substring(i + 2, i + 6), 16));
        i += 6;
      } else if (escapes && d == '\\' && i + 1 < n) {
        value.append(unescape(sql.charAt(i + 1)));
        i += 2;
      } else if (d == quote && i + 1 < n && sql.charAt(i + 1) == quote) {
        value.append(quote);
        i += 2;
      } else if (d == quote) {
        return i + 1;
      } else {
        value.append(d);
        i++;
      }
    }
    throw syntax(escapes ? "unclosed string literal" : "unclosed quoted identifier");
  }

  private static boolean isHex(String text, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static char unescape(char c) {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      default:
        return c; // \' \" \\ and any other character stand for themselves
    }
  }
}

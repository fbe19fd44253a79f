package dev.kiln.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest wire of three long-running Databricks operations, enough for Kiln's clients to submit and
 * wait: SQL statements ({@code /api/2.0/sql/statements}), commands (API 1.2 contexts and commands, with a
 * cluster that is always RUNNING) and Genie messages ({@code start-conversation}, get message). An operation
 * finishes a fixed time after its submit arrived; that time comes from the tag {@code op-<n>} the caller puts
 * in the statement text, command or question. Every status request is recorded with its arrival time, as is
 * the moment each operation finished, so a benchmark can tell how soon a client noticed and how often it asked.
 * Times are {@link System#nanoTime()} of this JVM (the client runs in the same one).
 */
final class FakeOperations implements HttpHandler {
  enum Kind { STATEMENT, COMMAND, GENIE }

  private static final Pattern TAG = Pattern.compile("op-(\\d+)");
  private static final Pattern STATEMENT = Pattern.compile("/api/2\\.0/sql/statements/([^/]+)(/cancel)?");
  private static final Pattern GENIE_START = Pattern.compile("/api/2\\.0/genie/spaces/([^/]+)/start-conversation");
  private static final Pattern GENIE_MESSAGE =
      Pattern.compile("/api/2\\.0/genie/spaces/([^/]+)/conversations/([^/]+)/messages/([^/]+)");

  /** One submitted operation and what the server saw of it. */
  static final class Op {
    final Kind kind;
    final String id;
    /** The {@code n} of the caller's {@code op-<n>} tag, -1 without one. */
    final int tag;
    final long submitNanos;
    final long finishNanos;
    private final List<Long> polls = new ArrayList<>();

    Op(Kind kind, String id, int tag, long submitNanos, long finishNanos) {
      this.kind = kind;
      this.id = id;
      this.tag = tag;
      this.submitNanos = submitNanos;
      this.finishNanos = finishNanos;
    }

    /** Records a status request and tells whether the operation has finished by now. */
    synchronized boolean poll() {
      long now = System.nanoTime();
      polls.add(now);
      return now >= finishNanos;
    }

    synchronized List<Long> polls() {
      return new ArrayList<>(polls);
    }
  }

  /** How long the operation with tag {@code n} (-1 without a tag) runs after its submit. */
  interface Durations {
    Duration of(Kind kind, int tag);
  }

  private final Durations durations;
  private final Map<String, Op> ops = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  FakeOperations(Durations durations) {
    this.durations = durations;
  }

  List<Op> ops(Kind kind) {
    List<Op> out = new ArrayList<>();
    for (Op op : ops.values()) {
      if (op.kind == kind) {
        out.add(op);
      }
    }
    return out;
  }

  long polls(Kind kind) {
    return ops(kind).stream().mapToLong(op -> op.polls().size()).sum();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(LoopbackServer.body(exchange), StandardCharsets.UTF_8);
    Matcher m;
    if (method.equals("POST") && (path.equals("/api/2.0/sql/statements") || path.equals("/api/2.0/sql/statements/"))) {
      Op op = submit(Kind.STATEMENT, "st-", body);
      LoopbackServer.send(exchange, 200, statement(op.id, "PENDING"));
    } else if ((m = STATEMENT.matcher(path)).matches()) {
      Op op = ops.get(m.group(1));
      if (op == null) {
        notFound(exchange, path);
      } else if (m.group(2) != null || method.equals("DELETE")) {
        LoopbackServer.send(exchange, 200, "{}");
      } else {
        LoopbackServer.send(exchange, 200, op.poll() ? statementSucceeded(op.id) : statement(op.id, "RUNNING"));
      }
    } else if (path.equals("/api/2.1/clusters/get") || path.equals("/api/2.0/clusters/get")) {
      LoopbackServer.send(exchange, 200, "{\"cluster_id\":\"" + query(exchange, "cluster_id")
          + "\",\"cluster_name\":\"bench\",\"state\":\"RUNNING\"}");
    } else if (path.equals("/api/1.2/contexts/create")) {
      LoopbackServer.send(exchange, 200, "{\"id\":\"ctx-" + ids.incrementAndGet() + "\"}");
    } else if (path.equals("/api/1.2/contexts/status")) {
      LoopbackServer.send(exchange, 200, "{\"id\":\"" + query(exchange, "contextId") + "\",\"status\":\"Running\"}");
    } else if (path.equals("/api/1.2/commands/execute")) {
      Op op = submit(Kind.COMMAND, "cmd-", body);
      LoopbackServer.send(exchange, 200, "{\"id\":\"" + op.id + "\"}");
    } else if (path.equals("/api/1.2/commands/status")) {
      Op op = ops.get(query(exchange, "commandId"));
      if (op == null) {
        notFound(exchange, path);
      } else if (op.poll()) {
        LoopbackServer.send(exchange, 200, "{\"id\":\"" + op.id + "\",\"status\":\"Finished\","
            + "\"results\":{\"resultType\":\"text\",\"data\":\"done\"}}");
      } else {
        LoopbackServer.send(exchange, 200, "{\"id\":\"" + op.id + "\",\"status\":\"Running\",\"results\":null}");
      }
    } else if (path.startsWith("/api/1.2/")) { // contexts/destroy, commands/cancel
      LoopbackServer.send(exchange, 200, "{}");
    } else if (method.equals("POST") && (m = GENIE_START.matcher(path)).matches()) {
      Op op = submit(Kind.GENIE, "msg-", body);
      String conversation = "conv-" + op.id;
      LoopbackServer.send(exchange, 200, "{\"conversation_id\":\"" + conversation + "\",\"message_id\":\"" + op.id
          + "\",\"message\":" + message(m.group(1), conversation, op.id, "SUBMITTED") + "}");
    } else if ((m = GENIE_MESSAGE.matcher(path)).matches()) {
      Op op = ops.get(m.group(3));
      if (op == null) {
        notFound(exchange, path);
      } else {
        LoopbackServer.send(exchange, 200,
            message(m.group(1), m.group(2), op.id, op.poll() ? "COMPLETED" : "ASKING_AI"));
      }
    } else {
      notFound(exchange, path);
    }
  }

  private Op submit(Kind kind, String prefix, String body) {
    long now = System.nanoTime();
    Matcher tag = TAG.matcher(body);
    int n = tag.find() ? Integer.parseInt(tag.group(1)) : -1;
    Op op = new Op(kind, prefix + ids.incrementAndGet(), n, now, now + durations.of(kind, n).toNanos());
    ops.put(op.id, op);
    return op;
  }

  private static String statement(String id, String state) {
    return "{\"statement_id\":\"" + id + "\",\"status\":{\"state\":\"" + state + "\"}}";
  }

  /** One INT column, one row, inline: a complete result the SQL client can hand out without another call. */
  private static String statementSucceeded(String id) {
    return "{\"statement_id\":\"" + id + "\",\"status\":{\"state\":\"SUCCEEDED\"},"
        + "\"manifest\":{\"format\":\"JSON_ARRAY\",\"schema\":{\"column_count\":1,\"columns\":[{\"name\":\"x\","
        + "\"position\":0,\"type_name\":\"INT\",\"type_text\":\"INT\"}]},\"total_chunk_count\":1,"
        + "\"total_row_count\":1,\"truncated\":false,\"chunks\":[{\"chunk_index\":0,\"row_offset\":0,\"row_count\":1}]},"
        + "\"result\":{\"chunk_index\":0,\"row_offset\":0,\"row_count\":1,\"data_array\":[[\"1\"]]}}";
  }

  private static String message(String space, String conversation, String id, String status) {
    String attachments = status.equals("COMPLETED")
        ? "[{\"attachment_id\":\"att-" + id + "\",\"text\":{\"content\":\"done\"}}]"
        : "[]";
    return "{\"message_id\":\"" + id + "\",\"conversation_id\":\"" + conversation + "\",\"space_id\":\"" + space
        + "\",\"content\":\"question\",\"status\":\"" + status + "\",\"attachments\":" + attachments + "}";
  }

  private static String query(HttpExchange exchange, String name) {
    String q = exchange.getRequestURI().getQuery();
    if (q != null) {
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return pair.substring(eq + 1);
        }
      }
    }
    return "";
  }

  private static void notFound(HttpExchange exchange, String path) throws IOException {
    LoopbackServer.send(exchange, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no "
        + path.replace("\"", "") + "\"}");
  }
}
